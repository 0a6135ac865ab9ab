import { lakebaseProjectId, syncedTablesCatalog } from "@appbase/bindings";
import { LAKEBASE_KEYS } from "./app-resources.ts";
import type { SyncedTableDeclaration } from "./kit-bundle.ts";
import { ref } from "./ref.ts";

/** The Postgres database every kit's Lakebase project holds; schemas inside it are per owner. */
export const LAKEBASE_DATABASE = "appbase";

const TARGET = `\${bundle.target}`;
const PRODUCTION_BRANCH = `\${resources.postgres_projects.${LAKEBASE_KEYS.project}.id}/branches/production`;

/**
 * Lakebase Autoscaling resources for one kit: a project per target (development mode does not prefix
 * Lakebase names, so the target is in the id), an owner role for the kit's admin group, the database
 * the app connects to (declared so its resource id is known), and, with synced tables, a Lakebase
 * catalog for them to register in.
 */
export function lakebaseResources(options: {
  kit: string;
  title: string;
  appKey: string;
  syncedTables: readonly SyncedTableDeclaration[];
}): Record<string, Record<string, unknown>> {
  const appPrincipal = `\${resources.apps.${options.appKey}.service_principal_client_id}`;
  const resources: Record<string, Record<string, unknown>> = {
    postgres_projects: {
      [LAKEBASE_KEYS.project]: {
        project_id: lakebaseProjectId(options.kit, TARGET),
        display_name: `${options.title} (\${bundle.target})`,
        pg_version: 17,
        history_retention_duration: "604800s",
        default_endpoint_settings: {
          autoscaling_limit_min_cu: 0.5,
          autoscaling_limit_max_cu: 4,
          suspend_timeout_duration: "300s",
        },
        permissions: [
          { level: "CAN_MANAGE", group_name: ref("var.admin_group") },
          // The app resource grants the app's service principal use of the project; listing it here keeps
          // the second deploy from overwriting that grant (databricks/cli#4309).
          { level: "CAN_USE", service_principal_name: appPrincipal },
        ],
      },
    },
    postgres_roles: {
      [LAKEBASE_KEYS.role]: {
        parent: PRODUCTION_BRANCH,
        role_id: "kit-admins",
        postgres_role: ref("var.admin_group"),
        identity_type: "GROUP",
        auth_method: "LAKEBASE_OAUTH_V1",
        membership_roles: ["DATABRICKS_SUPERUSER"],
      },
    },
    postgres_databases: {
      [LAKEBASE_KEYS.database]: {
        parent: PRODUCTION_BRANCH,
        database_id: LAKEBASE_DATABASE,
        postgres_database: LAKEBASE_DATABASE,
        role: `\${resources.postgres_roles.${LAKEBASE_KEYS.role}.id}`,
      },
    },
  };
  if (options.syncedTables.length === 0) return resources;
  resources.postgres_catalogs = {
    [LAKEBASE_KEYS.catalog]: {
      catalog_id: syncedTablesCatalog(options.kit, TARGET),
      branch: PRODUCTION_BRANCH,
      postgres_database: LAKEBASE_DATABASE,
    },
  };
  resources.postgres_synced_tables = Object.fromEntries(
    options.syncedTables.map((table) => [
      `${table.schema}_${table.table}`,
      {
        // In a Lakebase catalog the UC schema is the Postgres schema, so the app reads `schema.table`.
        synced_table_id: `\${resources.postgres_catalogs.${LAKEBASE_KEYS.catalog}.catalog_id}.${table.schema}.${table.table}`,
        source_table_full_name: `\${var.source_catalog}.${table.source}`,
        primary_key_columns: [...table.primaryKey],
        ...(table.timeseriesKey ? { timeseries_key: table.timeseriesKey } : {}),
        scheduling_policy: table.schedulingPolicy,
        branch: PRODUCTION_BRANCH,
        postgres_database: LAKEBASE_DATABASE,
        create_database_objects_if_missing: true,
        new_pipeline_spec: {
          storage_catalog: ref("var.catalog"),
          storage_schema: ref("resources.schemas.sync_pipeline.name"),
        },
      },
    ]),
  );
  return resources;
}
