import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { CliError } from "./repo.ts";

// A relative path inside the kit folder to a TypeScript/JavaScript module.
const KIT_MODULE = /^(?!\/)(?!.*(^|\/)\.\.(\/|$)).+\.(ts|mts|js|mjs)$/;
const MODULE_HINT = "a module path relative to the kit folder, e.g. src/db/governed.ts (no leading / or ..)";

/** The kit manifest: the `appbase` field of a kit's package.json. */
export const kitManifestSchema = z.object({
  kit: z.string().regex(/^[a-z][a-z0-9-]*$/, "kit ids are lowercase words joined by hyphens"),
  title: z.string().min(1),
  port: z.number().int().min(1024).max(65535),
  schema: z.string().regex(/^[a-z_][a-z0-9_]*$/),
  migrations: z.string().min(1).default("drizzle"),
  health: z.string().startsWith("/").default("/api/health"),
  /** Module exporting `governedTables: readonly GovernedTable[]`, relative to the kit folder. */
  governed: z.string().regex(KIT_MODULE, MODULE_HINT).optional(),
  /** Module exporting `seedKit(ctx: KitSeedContext)`, relative to the kit folder. */
  seed: z.string().regex(KIT_MODULE, MODULE_HINT).optional(),
});

export type KitManifest = z.infer<typeof kitManifestSchema>;

export interface Kit extends KitManifest {
  /** Absolute path of the app folder. */
  dir: string;
  /** The npm package name, e.g. `@appbase/customer-hub`. */
  packageName: string;
  /** Absolute path of the kit's drizzle migrations folder. */
  migrationsFolder: string;
  /** Absolute path of the module exporting `governedTables`, when the manifest declares `governed`. */
  governedModule?: string;
  /** Absolute path of the module exporting `seedKit`, when the manifest declares `seed`. */
  seedModule?: string;
}

/** Finds every kit under `apps/`: a package.json with an `appbase` manifest. */
export function discoverKits(repoRoot: string): Kit[] {
  const appsDir = join(repoRoot, "apps");
  if (!existsSync(appsDir)) return [];
  const kits: Kit[] = [];
  for (const entry of readdirSync(appsDir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const dir = join(appsDir, entry.name);
    const pkgPath = join(dir, "package.json");
    if (!existsSync(pkgPath)) continue;
    const pkg = JSON.parse(readFileSync(pkgPath, "utf8")) as { name?: string; appbase?: unknown };
    if (pkg.appbase === undefined) continue;
    const parsed = kitManifestSchema.safeParse(pkg.appbase);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `  appbase.${i.path.join(".")}: ${i.message}`).join("\n");
      throw new CliError(`The kit manifest in ${pkgPath} is invalid:\n${issues}`);
    }
    kits.push({
      ...parsed.data,
      dir,
      packageName: pkg.name ?? entry.name,
      migrationsFolder: join(dir, parsed.data.migrations),
      ...(parsed.data.governed ? { governedModule: join(dir, parsed.data.governed) } : {}),
      ...(parsed.data.seed ? { seedModule: join(dir, parsed.data.seed) } : {}),
    });
  }
  assertUniquePorts(kits);
  return kits.sort((a, b) => a.port - b.port);
}

function assertUniquePorts(kits: Kit[]): void {
  const seen = new Map<number, string>();
  for (const kit of kits) {
    const other = seen.get(kit.port);
    if (other)
      throw new CliError(`Kits ${other} and ${kit.kit} both declare port ${kit.port}: give each its own.`);
    seen.set(kit.port, kit.kit);
  }
}

/** Picks the kits named in `--kits a,b`, or all of them; an unknown name is an error listing the known ones. */
export function selectKits(all: Kit[], names: string | undefined): Kit[] {
  if (!names) return all;
  const wanted = names
    .split(",")
    .map((n) => n.trim())
    .filter(Boolean);
  const unknown = wanted.filter((n) => !all.some((k) => k.kit === n));
  if (unknown.length > 0) {
    throw new CliError(
      `Unknown kit(s): ${unknown.join(", ")}. Kits here: ${all.map((k) => k.kit).join(", ") || "none"}.`,
    );
  }
  return all.filter((k) => wanted.includes(k.kit));
}
