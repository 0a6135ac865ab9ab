import { readFileSync } from "node:fs";
import { join } from "node:path";
import { variableStem } from "@appbase/bundle/generate";
import { parse } from "yaml";
import type { Kit } from "../kits.ts";
import { CliError } from "../repo.ts";
import { type LandTarget, landTargetSchema } from "./land-gold-databricks.ts";

/** Where `appbase data land` puts the files when `--volume` is not given: `<catalog>.appbase_landing.gold`. */
export const DEFAULT_LANDING = { schema: "appbase_landing", volume: "gold" } as const;

/**
 * A bundle variable's value for `target`, as `databricks bundle deploy` would see it: `--var`, then
 * `BUNDLE_VAR_<name>`, then the target's `variables:` in bundles/<kit>/databricks.yml, then the default.
 */
export function bundleVariable(options: {
  repoRoot: string;
  kit: string;
  target: string;
  name: string;
  variables: Readonly<Record<string, string>>;
  env: Readonly<Record<string, string | undefined>>;
}): string | undefined {
  const file = join(options.repoRoot, "bundles", options.kit, "databricks.yml");
  const config = (parse(readFileSync(file, "utf8")) ?? {}) as {
    variables?: Record<string, { default?: unknown }>;
    targets?: Record<string, { variables?: Record<string, unknown> } | null>;
  };
  if (!config.targets || !(options.target in config.targets)) {
    throw new CliError(
      `Target ${options.target} is not in bundles/${options.kit}/databricks.yml: use one of ${Object.keys(config.targets ?? {}).join(", ")}.`,
    );
  }
  const fromTarget = config.targets[options.target]?.variables?.[options.name];
  const fromDefault = config.variables?.[options.name]?.default;
  const value =
    options.variables[options.name] ??
    options.env[`BUNDLE_VAR_${options.name}`] ??
    (typeof fromTarget === "string" ? fromTarget : undefined) ??
    (typeof fromDefault === "string" ? fromDefault : undefined);
  return value?.trim() ? value.trim() : undefined;
}

/**
 * The catalog, landing volume and SQL warehouse of `appbase data land <kit> --target <t>`: flags first,
 * then the bundle's variables for the target (`source_catalog`; the kit's `sql_warehouse` binding),
 * then `DATABRICKS_WAREHOUSE_ID`. Whatever is missing or malformed is one error naming each flag.
 */
export function resolveLandTarget(options: {
  repoRoot: string;
  kit: Kit;
  target: string;
  variables: Readonly<Record<string, string>>;
  env: Readonly<Record<string, string | undefined>>;
  catalog?: string;
  warehouse?: string;
  volume?: string;
}): LandTarget {
  const variable = (name: string) =>
    bundleVariable({ ...options, kit: options.kit.id, name, variables: options.variables, env: options.env });
  const warehouseBinding = Object.values(options.kit.appEnv.declaration.bindings).find(
    (b) => b.type === "sql_warehouse",
  );
  // Read even when --catalog is given: it also checks the target is one of the bundle's.
  const sourceCatalog = variable("source_catalog");
  const catalog = options.catalog ?? sourceCatalog;
  const warehouseId =
    options.warehouse ??
    (warehouseBinding ? variable(`${variableStem(warehouseBinding.resource)}_id`) : undefined) ??
    options.env.DATABRICKS_WAREHOUSE_ID;
  const [landingSchema = DEFAULT_LANDING.schema, volume = DEFAULT_LANDING.volume, extra] =
    options.volume?.split(".") ?? [];
  const problems: string[] = [];
  if (!catalog)
    problems.push(
      "No catalog: pass --catalog <name> or --var source_catalog=<name> (the catalog the bundle's synced tables read).",
    );
  if (!warehouseId)
    problems.push(
      "No SQL warehouse: pass --warehouse <id> (SQL Warehouses → the warehouse → Connection details), or set DATABRICKS_WAREHOUSE_ID.",
    );
  if (extra !== undefined || (options.volume !== undefined && !options.volume.includes(".")))
    problems.push(`--volume ${options.volume}: write it as <schema>.<volume> inside the catalog.`);
  const parsed = landTargetSchema.safeParse({ catalog, landingSchema, volume, warehouseId });
  if (problems.length === 0 && !parsed.success) {
    const flag: Record<string, string> = {
      catalog: "--catalog",
      landingSchema: "--volume (schema)",
      volume: "--volume",
      warehouseId: "--warehouse",
    };
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0]);
      problems.push(`${flag[field] ?? field}: ${issue.message}.`);
    }
  }
  if (problems.length > 0 || !parsed.success)
    throw new CliError(
      `Cannot land gold for ${options.kit.id}:\n${problems.map((p) => `  - ${p}`).join("\n")}`,
    );
  return parsed.data;
}
