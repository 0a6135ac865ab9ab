import { appWorkspaceClient, missingAppPrincipal } from "@appbase/databricks";
import { z } from "zod";
import { DatabricksLakehouse } from "../databricks/databricks-lakehouse.ts";
import { LakehouseError } from "../errors.ts";
import type { Lakehouse } from "../lakehouse.ts";

const text = z
  .string()
  .optional()
  .transform((v) => (v?.trim() ? v.trim() : undefined));

/** The variables that choose and configure the lakehouse; everything else in `env` is ignored. */
export const lakehouseEnvSchema = z.object({
  /** Local development: the local lakehouse folder (`appbase up` sets `<stateDir>/lakehouse`). */
  APPBASE_LAKEHOUSE_DIR: text,
  /** Injected by Databricks Apps: the workspace URL (with or without https://). */
  DATABRICKS_HOST: text,
  /** Bound in app.yaml with `valueFrom` a `sql_warehouse` resource. */
  DATABRICKS_WAREHOUSE_ID: text,
  /** Injected by Databricks Apps: the app's service principal (OAuth M2M). */
  DATABRICKS_CLIENT_ID: text,
  DATABRICKS_CLIENT_SECRET: text,
});
export type LakehouseEnv = z.infer<typeof lakehouseEnvSchema>;

export interface OpenFromEnvOptions {
  /** For tests: the fetch the Databricks adapter and its token requests use. */
  fetch?: typeof fetch;
  /** Recorded as `userName` in the local lakehouse's history. */
  userName?: string;
}

/**
 * The lakehouse this environment provides: APPBASE_LAKEHOUSE_DIR → the local DuckDB lakehouse;
 * else DATABRICKS_HOST + DATABRICKS_WAREHOUSE_ID → the SQL warehouse, as the app's service
 * principal (OAuth M2M with DATABRICKS_CLIENT_ID/SECRET); else an error naming both options.
 */
export async function openLakehouseFromEnv(
  env: Record<string, string | undefined>,
  options: OpenFromEnvOptions = {},
): Promise<Lakehouse> {
  const vars = lakehouseEnvSchema.parse({
    APPBASE_LAKEHOUSE_DIR: env.APPBASE_LAKEHOUSE_DIR,
    DATABRICKS_HOST: env.DATABRICKS_HOST,
    DATABRICKS_WAREHOUSE_ID: env.DATABRICKS_WAREHOUSE_ID,
    DATABRICKS_CLIENT_ID: env.DATABRICKS_CLIENT_ID,
    DATABRICKS_CLIENT_SECRET: env.DATABRICKS_CLIENT_SECRET,
  });
  if (vars.APPBASE_LAKEHOUSE_DIR) {
    // Loaded only here: DuckDB's native library is a local-development dependency, and an app on
    // Databricks (warehouse mode) must start without it.
    const { openLocalLakehouse } = await import("../local/local-lakehouse.ts");
    return openLocalLakehouse({ directory: vars.APPBASE_LAKEHOUSE_DIR, userName: options.userName });
  }
  if (vars.DATABRICKS_HOST && vars.DATABRICKS_WAREHOUSE_ID) {
    const missing = missingAppPrincipal(vars);
    if (missing.length > 0) {
      throw new LakehouseError(
        "NOT_CONFIGURED",
        `The SQL warehouse lakehouse needs the app's OAuth credentials, but ${missing.join(" and ")} ${missing.length > 1 ? "are" : "is"} not set. Databricks Apps injects them for the app's service principal; elsewhere set them for a service principal with access to the warehouse.`,
      );
    }
    return new DatabricksLakehouse({
      workspace: appWorkspaceClient(vars, { fetch: options.fetch }),
      warehouseId: vars.DATABRICKS_WAREHOUSE_ID,
    });
  }
  const half = vars.DATABRICKS_HOST
    ? " DATABRICKS_HOST is set but DATABRICKS_WAREHOUSE_ID is not."
    : vars.DATABRICKS_WAREHOUSE_ID
      ? " DATABRICKS_WAREHOUSE_ID is set but DATABRICKS_HOST is not."
      : "";
  throw new LakehouseError(
    "NOT_CONFIGURED",
    `No lakehouse is configured.${half} Locally, set APPBASE_LAKEHOUSE_DIR to the local lakehouse folder (\`appbase up\` passes <stateDir>/lakehouse to every kit); on Databricks Apps, bind DATABRICKS_WAREHOUSE_ID in app.yaml with valueFrom a sql_warehouse resource (DATABRICKS_HOST and the app's OAuth credentials are injected).`,
  );
}
