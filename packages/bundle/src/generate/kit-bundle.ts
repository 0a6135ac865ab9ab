import { type ResourceType, resourceTypes } from "@appbase/bindings";
import type { KitMatrix } from "@appbase/grants";

/**
 * The app resource types a kit bundle can declare: bindings' resource types except a Lakebase
 * Provisioned `database` (kits use Autoscaling `postgres`). An `app` is another kit's app, which
 * this kit links to (next-kit's linkedKitBindings).
 */
export type KitResourceType = Exclude<ResourceType, "database">;
export const kitResourceTypes: readonly KitResourceType[] = resourceTypes.filter(
  (type): type is KitResourceType => type !== "database",
);

/** One app resource: the key `valueFrom` names, its type, and optionally a permission other than the default. */
export interface KitResource {
  key: string;
  type: KitResourceType;
  description: string;
  permission?: string;
}

/** A gold table served into Lakebase by Synced Tables (ARCHITECTURE.md "State authority": `synced`). */
export interface SyncedTableDeclaration {
  /** Postgres schema and table the app reads, e.g. `customer` / `customer_profile`. */
  schema: string;
  table: string;
  /** Source Delta table as `schema.table` inside the source catalog variable. */
  source: string;
  primaryKey: readonly string[];
  schedulingPolicy: "SNAPSHOT" | "TRIGGERED" | "CONTINUOUS";
  timeseriesKey?: string;
}

/** Everything a kit's bundle is generated from; each field comes from a declaration the kit already has. */
export interface KitBundleDeclaration {
  /** Kit id from the kit manifest (`appbase.kit`), e.g. `customer-hub`. */
  kit: string;
  title: string;
  description: string;
  /** The app's resources, normally `kitResourcesFromAppEnv(appEnv)`. */
  resources: readonly KitResource[];
  /** app.yaml `env`: bindings as `valueFrom`, literals as `value` (normally `appEnv.appYamlEnv()`). */
  env: readonly { name: string; value?: string; valueFrom?: string }[];
  /** The production server command, run without a shell in the staged folder. */
  command?: readonly string[];
  /** The kit's grant matrix: schema grants and the groups that may use the app. */
  matrix?: KitMatrix;
  syncedTables?: readonly SyncedTableDeclaration[];
  /** Scopes for on-behalf-of-user calls (e.g. `sql`, `dashboards.genie`). */
  userApiScopes?: readonly string[];
  /** Send traces, logs and metrics to Unity Catalog tables (default true). */
  telemetry?: boolean;
}

/** The command app.yaml runs: the launcher staging writes next to the Next.js standalone server. */
export const DEFAULT_COMMAND = ["node", "start.mjs"] as const;

const KIT_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** Declares a kit bundle, failing early with the field to fix. */
export function defineKitBundle(declaration: KitBundleDeclaration): KitBundleDeclaration {
  const problems: string[] = [];
  if (!KIT_ID.test(declaration.kit))
    problems.push(`kit: "${declaration.kit}" must be kebab-case, e.g. "customer-hub"`);
  const keys = new Set<string>();
  for (const resource of declaration.resources) {
    if (keys.has(resource.key)) problems.push(`resources: "${resource.key}" is declared twice`);
    keys.add(resource.key);
  }
  for (const entry of declaration.env) {
    if (entry.valueFrom !== undefined && !keys.has(entry.valueFrom)) {
      problems.push(
        `env.${entry.name}: valueFrom "${entry.valueFrom}" names no declared resource (${[...keys].join(", ")})`,
      );
    }
  }
  if (
    (declaration.syncedTables ?? []).length > 0 &&
    !declaration.resources.some((r) => r.type === "postgres")
  ) {
    problems.push("syncedTables: synced tables need a `postgres` resource to land in");
  }
  if (problems.length > 0)
    throw new Error(`Bundle declaration for ${declaration.kit} is invalid:\n- ${problems.join("\n- ")}`);
  return declaration;
}

/** `customer-hub` → `customer_hub`: bundle resource keys and UC names use underscores. */
export function snake(kit: string): string {
  return kit.replace(/-/g, "_");
}
