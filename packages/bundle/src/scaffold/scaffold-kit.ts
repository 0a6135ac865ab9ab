import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { kitResourcesFromAppEnv } from "../generate/from-app-env.ts";
import type { KitBundleDeclaration } from "../generate/kit-bundle.ts";
import { defineKitBundle } from "../generate/kit-bundle.ts";
import { renderKitBundle } from "../generate/write-kit-bundle.ts";
import { appFiles } from "./app-files.ts";
import { bundleFiles } from "./bundle-files.ts";
import { type KitNames, kitNames } from "./kit-names.ts";
import { starterAppEnv } from "./starter-env.ts";
import { starterMatrix } from "./starter-matrix.ts";

export interface ScaffoldOptions {
  repoRoot: string;
  kit: string;
  title?: string;
  port?: number;
  /** Ports of the kits that exist, so the new one gets its own. */
  usedPorts: readonly number[];
  /** For reproducible output in tests; defaults to now. */
  now?: number;
}

export interface ScaffoldedKit {
  names: KitNames;
  /** Every file written, relative to the repository. */
  files: string[];
}

/** The declaration the scaffolded bundle.ts evaluates to, built in memory so the generated files match it. */
export function starterBundleDeclaration(names: KitNames): KitBundleDeclaration {
  return defineKitBundle({
    kit: names.kit,
    title: names.title,
    description: `${names.title}, built on the AppBase Starter`,
    resources: kitResourcesFromAppEnv(starterAppEnv),
    env: starterAppEnv.appYamlEnv(),
    matrix: starterMatrix(names),
  });
}

/** Writes a new kit from the Starter: app, grants, table and migration, bundle (generated), e2e smoke spec. */
export function scaffoldKit(options: ScaffoldOptions): ScaffoldedKit {
  const names = kitNames(options.kit, {
    usedPorts: options.usedPorts,
    ...(options.title ? { title: options.title } : {}),
    ...(options.port ? { port: options.port } : {}),
  });
  for (const dir of [`apps/${names.kit}`, `bundles/${names.kit}`, `e2e/${names.kit}`]) {
    if (existsSync(join(options.repoRoot, dir)))
      throw new Error(`${dir} already exists: pick another kit id or remove it.`);
  }
  const matrix = starterMatrix(names);
  const generated = renderKitBundle(starterBundleDeclaration(names));
  const files: Record<string, string> = {
    ...appFiles(names, { matrixJson: JSON.stringify(matrix, null, 2), now: options.now ?? Date.now() }),
    ...bundleFiles(names),
    [`bundles/${names.kit}/databricks.yml`]: generated["databricks.yml"] ?? "",
    [`bundles/${names.kit}/app.yaml`]: generated["app.yaml"] ?? "",
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(options.repoRoot, path)), { recursive: true });
    writeFileSync(join(options.repoRoot, path), text);
  }
  return { names, files: Object.keys(files).sort() };
}
