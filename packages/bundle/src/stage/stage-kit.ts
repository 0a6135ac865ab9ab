import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import { parseAppYaml } from "@appbase/bindings";
import { inheritedEnv } from "../env.ts";
import { STAGED_APP_DIR } from "../generate/databricks-yml.ts";
import { exitCode, spawnTailed } from "../process/child-process.ts";
import { copyTree, countFiles } from "./copy-tree.ts";
import { planNodeModules } from "./flatten-node-modules.ts";
import { launcherSource } from "./launcher.ts";

export interface StageKit {
  kit: string;
  /** The kit's app folder (apps/<kit>). */
  dir: string;
}

/** Progress of a staging run: a step name, and for the copy, files done of total. */
export type StageProgress = (step: string, done?: number, total?: number) => void;

export interface StageOptions {
  repoRoot: string;
  kit: StageKit;
  /** Run `next build` first (default true). */
  build?: boolean;
  /** Default bundles/<kit>/app, the bundle's source_code_path. */
  outDir?: string;
  onProgress?: StageProgress;
  onBuildOutput?: (line: string) => void;
}

export interface StagedApp {
  outDir: string;
  /** The Next.js server inside the staged folder, relative to it. */
  serverPath: string;
  files: number;
  bytes: number;
}

/** Builds the kit with `next build` (standalone output). */
export async function buildKit(kit: StageKit, onLine?: (line: string) => void): Promise<void> {
  const nextBin = createRequire(join(kit.dir, "package.json")).resolve("next/dist/bin/next");
  const { child, tail } = spawnTailed(process.execPath, [nextBin, "build"], {
    cwd: kit.dir,
    env: { ...inheritedEnv(), NEXT_TELEMETRY_DISABLED: "1" },
    ...(onLine ? { onLine } : {}),
  });
  const code = await exitCode(child);
  if (code !== 0) throw new Error(`next build failed for ${kit.kit} (exit ${code}):\n${tail().join("\n")}`);
}

/** Finds server.js in `.next/standalone` (nested under the kit's path when the tracing root is the monorepo). */
export function findStandaloneServer(repoRoot: string, kit: StageKit): string {
  const standalone = join(kit.dir, ".next", "standalone");
  if (!existsSync(standalone)) {
    throw new Error(
      `${relative(repoRoot, standalone)} does not exist: set \`output: "standalone"\` in ${kit.kit}'s next.config and build again.`,
    );
  }
  const candidates = [join(relative(repoRoot, kit.dir), "server.js"), "server.js"];
  const found = candidates.find((candidate) => existsSync(join(standalone, candidate)));
  if (!found)
    throw new Error(
      `No server.js in ${relative(repoRoot, standalone)} (looked for ${candidates.join(", ")}).`,
    );
  return found;
}

function stripWorkspaceDependencies(outDir: string): void {
  // Nested package.json files (Next copies the kit's) still name workspace:* packages; their code is
  // already bundled, and a deploy must never try to resolve them.
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== "node_modules") walk(path);
      else if (entry.name === "package.json") {
        const pkg = JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
        for (const field of [
          "dependencies",
          "devDependencies",
          "peerDependencies",
          "optionalDependencies",
          "scripts",
        ])
          delete pkg[field];
        writeFileSync(path, `${JSON.stringify(pkg, null, 2)}\n`);
      } else if (/^\.env(\..*)?$/.test(entry.name)) {
        // Configuration comes from app.yaml only; a stray .env would make the rehearsal lie.
        rmSync(path);
      }
    }
  };
  walk(outDir);
}

function folderBytes(dir: string): number {
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) bytes += statSync(join(entry.parentPath, entry.name)).size;
  }
  return bytes;
}

/** Builds a kit and writes its self-contained deployable folder (server, static assets, app.yaml, start.mjs, package.json). */
export async function stageKit(options: StageOptions): Promise<StagedApp> {
  const { repoRoot, kit } = options;
  const progress = options.onProgress ?? (() => {});
  const bundleDir = join(repoRoot, "bundles", kit.kit);
  const appYamlFile = join(bundleDir, "app.yaml");
  if (!existsSync(appYamlFile))
    throw new Error(
      `${relative(repoRoot, appYamlFile)} is missing: run \`appbase bundle generate ${kit.kit}\` first.`,
    );
  const appYamlText = readFileSync(appYamlFile, "utf8");
  parseAppYaml(appYamlText, { file: appYamlFile });
  const outDir = options.outDir ?? join(bundleDir, STAGED_APP_DIR);

  if (options.build !== false) {
    progress("building (next build)");
    await buildKit(kit, options.onBuildOutput);
  }
  const serverPath = findStandaloneServer(repoRoot, kit);
  const standalone = join(kit.dir, ".next", "standalone");
  const serverDir = join(serverPath, "..");
  const assets: [string, string][] = [
    [join(kit.dir, ".next", "static"), join(outDir, serverDir, ".next", "static")],
    [join(kit.dir, "public"), join(outDir, serverDir, "public")],
  ];
  // The server and its assets are copied as they are; pnpm's store is rebuilt as plain folders.
  const packages = planNodeModules(standalone);
  const total =
    countFiles(standalone, { skipStore: true }) +
    packages.reduce((sum, copy) => sum + countFiles(copy.from), 0) +
    assets.reduce((sum, [from]) => sum + countFiles(from), 0);
  rmSync(outDir, { recursive: true, force: true });
  let done = 0;
  const tick = () => {
    done++;
    if (done % 200 === 0) progress("copying", done, total);
  };
  copyTree(standalone, outDir, { skipStore: true, skipLinks: true }, tick);
  for (const copy of packages) copyTree(copy.from, join(outDir, copy.to), {}, tick);
  for (const [from, to] of assets) if (existsSync(from)) copyTree(from, to, {}, tick);
  progress("copying", done, done);

  progress("writing app.yaml, start.mjs and package.json");
  stripWorkspaceDependencies(outDir);
  writeFileSync(join(outDir, "app.yaml"), appYamlText);
  writeFileSync(join(outDir, "start.mjs"), launcherSource(serverPath));
  const manifest = {
    name: `${kit.kit}-app`,
    private: true,
    scripts: { start: "node start.mjs" },
    engines: { node: ">=20.9" },
  };
  writeFileSync(join(outDir, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  return { outDir, serverPath, files: done + 3, bytes: folderBytes(outDir) };
}
