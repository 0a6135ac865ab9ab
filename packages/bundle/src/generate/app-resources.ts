import { resourceTypeInfo } from "@appbase/bindings";
import type { KitResource } from "./kit-bundle.ts";

/** A bundle variable: no default when every value it holds differs per workspace. */
export interface BundleVariable {
  description: string;
  default?: string;
}

export interface GeneratedAppResource {
  resource: Record<string, unknown>;
  variables: Record<string, BundleVariable>;
}

/** Bundle keys of the Lakebase resources a `postgres` app resource points at. */
export const LAKEBASE_KEYS = {
  project: "lakebase",
  database: "app",
  role: "kit_admins",
  catalog: "lakebase",
} as const;

/** The bundle variable naming the branch the app's `postgres` resource binds (default `production`). */
export const LAKEBASE_BRANCH_VARIABLE = "lakebase_branch";

/**
 * The app's `postgres` binding: the project's branch named by `var.lakebase_branch` and the kit's
 * database on it. A branch holds its own copy of the project's databases, so the database keeps its
 * id; naming it through the database resource's `database_id` keeps the app deployed after it.
 */
function lakebaseAppBinding(): { branch: string; database: string } {
  const branch = `\${resources.postgres_projects.${LAKEBASE_KEYS.project}.id}/branches/\${var.${LAKEBASE_BRANCH_VARIABLE}}`;
  return {
    branch,
    database: `${branch}/databases/\${resources.postgres_databases.${LAKEBASE_KEYS.database}.database_id}`,
  };
}

// Permissions follow the Databricks CLI's generator defaults (bindings' resourceTypeInfo), except
// Genie: CAN_VIEW cannot start a conversation, and kits bind Genie to ask it questions.
function defaultPermission(type: KitResource["type"]): string {
  return type === "genie_space" ? "CAN_RUN" : resourceTypeInfo[type].bundle.defaultPermission;
}

/** The variable-name stem for a resource key: `sql-warehouse` → `sql_warehouse`. */
export function variableStem(key: string): string {
  return key.replace(/[^A-Za-z0-9]+/g, "_").toLowerCase();
}

/** Maps one declared resource to its `resources.apps.<key>.resources[]` entry and the variables it needs. */
export function appResourceFor(resource: KitResource): GeneratedAppResource {
  const stem = variableStem(resource.key);
  const { field, securableType } = resourceTypeInfo[resource.type].bundle;
  const permission = resource.permission ?? defaultPermission(resource.type);
  const variable = (suffix: string, what: string) => ({
    [`${stem}_${suffix}`]: {
      description: `${what} (app resource \`${resource.key}\`: ${resource.description})`,
    },
  });
  const ref = (suffix: string) => `\${var.${stem}_${suffix}}`;
  const entry = (
    body: Record<string, unknown>,
    variables: Record<string, BundleVariable>,
  ): GeneratedAppResource => ({
    resource: {
      name: resource.key,
      description: resource.description,
      [field]: { ...body, permission },
    },
    variables,
  });
  switch (resource.type) {
    case "postgres":
      return entry(lakebaseAppBinding(), {
        [LAKEBASE_BRANCH_VARIABLE]: {
          description:
            "Lakebase branch the app connects to: production, or a preview branch of the project (`appbase preview <kit> --branch <b> --target <t>`)",
          default: "production",
        },
      });
    case "sql_warehouse":
      return entry({ id: ref("id") }, variable("id", "SQL warehouse ID"));
    case "genie_space":
      return entry(
        { name: ref("name"), space_id: ref("id") },
        { ...variable("name", "Genie space name"), ...variable("id", "Genie space ID") },
      );
    case "serving_endpoint":
      return entry({ name: ref("name") }, variable("name", "Model serving endpoint name"));
    case "secret":
      return entry(
        { scope: ref("scope"), key: ref("key") },
        { ...variable("scope", "Secret scope"), ...variable("key", "Secret key in that scope") },
      );
    case "job":
      return entry({ id: ref("id") }, variable("id", "Lakeflow job ID"));
    case "app":
      // Another kit's deployed app (each kit bundle names its app `<kit>-${bundle.target}`).
      return entry({ name: ref("name") }, variable("name", "Name of the deployed app"));
    case "experiment":
      return entry({ experiment_id: ref("id") }, variable("id", "MLflow experiment ID"));
    case "uc_table":
    case "uc_volume":
    case "uc_connection":
      return entry(
        { securable_type: securableType, securable_full_name: ref("full_name") },
        variable("full_name", `Full Unity Catalog name of the ${securableType?.toLowerCase()}`),
      );
  }
}
