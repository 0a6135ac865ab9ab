import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { KitBundleDeclaration } from "./generate/kit-bundle.ts";
import { type BundleDrift, kitBundleDrift } from "./generate/write-kit-bundle.ts";
import type { LocatedProblem } from "./schema/load-bundle.ts";
import { validateBundleFile } from "./schema/validate-bundle.ts";

/** `bundles/<kit>` in the repository. */
export function bundleDirOf(repoRoot: string, kit: string): string {
  return join(repoRoot, "bundles", kit);
}

/** The kits that have a bundle folder (a `databricks.yml` or a `bundle.ts` declaration). */
export function listBundles(repoRoot: string): string[] {
  const base = join(repoRoot, "bundles");
  if (!existsSync(base)) return [];
  return readdirSync(base, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .filter((kit) => ["databricks.yml", "bundle.ts"].some((file) => existsSync(join(base, kit, file))))
    .sort();
}

/** Imports `bundles/<kit>/bundle.ts` (its default export is the kit's bundle declaration). */
export async function loadKitBundleDeclaration(repoRoot: string, kit: string): Promise<KitBundleDeclaration> {
  const file = join(bundleDirOf(repoRoot, kit), "bundle.ts");
  if (!existsSync(file)) {
    throw new Error(
      `No bundle declaration for ${kit}: create ${file} exporting defineKitBundle({...}) as default.`,
    );
  }
  const module = (await import(pathToFileURL(file).href)) as { default?: KitBundleDeclaration };
  if (!module.default || typeof module.default !== "object" || module.default.kit !== kit) {
    throw new Error(`${file} must export default defineKitBundle({ kit: "${kit}", … }).`);
  }
  return module.default;
}

/** Result of validating one kit's bundle: schema problems and generated files that are out of date. */
export interface BundleReport {
  kit: string;
  problems: LocatedProblem[];
  drift: BundleDrift[];
}

/** Validates one bundle against the schema and, when it has a declaration, checks the generated files are current. */
export async function validateKitBundle(
  repoRoot: string,
  kit: string,
  schema: Record<string, unknown>,
): Promise<BundleReport> {
  const dir = bundleDirOf(repoRoot, kit);
  const rootFile = join(dir, "databricks.yml");
  const drift = existsSync(join(dir, "bundle.ts"))
    ? kitBundleDrift(await loadKitBundleDeclaration(repoRoot, kit), dir)
    : [];
  if (!existsSync(rootFile)) return { kit, problems: [], drift };
  return { kit, problems: validateBundleFile(rootFile, schema).problems, drift };
}
