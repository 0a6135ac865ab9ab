// Kit discovery, the one implementation: a kit is a folder apps/<kit>/ with a kit.ts whose default
// export is defineKit(...). The CLI imports it (it runs under tsx); scripts and Playwright, which do
// not load TypeScript, ask the CLI (`appbase kits --json`).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { isKitDefinition, type KitDefinition } from "./define-kit.ts";

/** A kit as the tools see it: its declaration and where it lives. */
export type DiscoveredKit = KitDefinition & {
  /** Absolute path of the app folder. */
  readonly dir: string;
  /** The npm package name, e.g. `@appbase/customer-hub`. */
  readonly packageName: string;
  /** Absolute path of the kit's drizzle-kit migrations folder. */
  readonly migrationsFolder: string;
  /** The health route every kit serves (createKitServer's `health`). */
  readonly health: "/api/health";
};

/** A kit.ts that cannot be used, with the file and what to fix. */
export class KitDiscoveryError extends Error {
  override name = "KitDiscoveryError";
}

/** The folders under apps/ that hold a kit.ts, sorted by name; nothing is imported. */
export function kitFolders(repoRoot: string): string[] {
  const appsDir = join(repoRoot, "apps");
  if (!existsSync(appsDir)) return [];
  return readdirSync(appsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(appsDir, entry.name, "kit.ts")))
    .map((entry) => join(appsDir, entry.name))
    .sort();
}

/** Imports one kit's kit.ts; errors name the file and what it must export. */
export async function loadKit(dir: string): Promise<DiscoveredKit> {
  const file = join(dir, "kit.ts");
  const shown = relative(process.cwd(), file) || file;
  let module: { default?: unknown };
  try {
    module = (await import(pathToFileURL(file).href)) as { default?: unknown };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new KitDiscoveryError(
      `Could not import ${shown}: ${reason}. kit.ts must load outside Next.js (no "server-only", next or react imports).`,
    );
  }
  const kit = module.default;
  if (!isKitDefinition(kit))
    throw new KitDiscoveryError(
      `${shown} must \`export default defineKit({...})\` (@appbase/next-kit/define-kit).`,
    );
  const folder = dir.split(/[\\/]/).at(-1);
  if (kit.id !== folder)
    throw new KitDiscoveryError(
      `${shown} declares id "${kit.id}" but lives in apps/${folder}; make them equal.`,
    );
  const pkgPath = join(dir, "package.json");
  const pkg = existsSync(pkgPath) ? (JSON.parse(readFileSync(pkgPath, "utf8")) as { name?: string }) : {};
  return {
    ...kit,
    dir,
    packageName: pkg.name ?? `@appbase/${kit.id}`,
    migrationsFolder: join(dir, "drizzle"),
    health: "/api/health",
  };
}

/** Every kit under apps/, sorted by port; two kits on one port is an error naming both. */
export async function discoverKits(repoRoot: string): Promise<DiscoveredKit[]> {
  const kits: DiscoveredKit[] = [];
  for (const dir of kitFolders(repoRoot)) kits.push(await loadKit(dir));
  const byPort = new Map<number, string>();
  for (const kit of kits) {
    const other = byPort.get(kit.port);
    if (other)
      throw new KitDiscoveryError(
        `Kits ${other} and ${kit.id} both declare port ${kit.port}: give each its own.`,
      );
    byPort.set(kit.port, kit.id);
  }
  return kits.sort((a, b) => a.port - b.port);
}
