import type { Lakehouse } from "@appbase/lakehouse";
import { openLocalLakehouse } from "@appbase/lakehouse/local";
import type { RegistryEnv } from "../../registry-env.ts";

/** The lakehouse is not bound or cannot be opened; `message` says what to bind or start. */
export class RegistryLakehouseUnavailable extends Error {
  override name = "RegistryLakehouseUnavailable";
}

/**
 * Opens the lakehouse holding the governed registry: the local one `appbase up` names in
 * APPBASE_LAKEHOUSE_DIR. (The one place to switch to `openLakehouseFromEnv` from
 * `@appbase/lakehouse/from-env`, which adds the SQL warehouse adapter.)
 */
export async function openRegistryLakehouse(env: RegistryEnv): Promise<Lakehouse> {
  if (env.APPBASE_LAKEHOUSE_DIR) {
    try {
      return await openLocalLakehouse({ directory: env.APPBASE_LAKEHOUSE_DIR, userName: "agent-ops" });
    } catch (error) {
      throw new RegistryLakehouseUnavailable(
        `The local lakehouse at APPBASE_LAKEHOUSE_DIR=${env.APPBASE_LAKEHOUSE_DIR} could not be opened: ${(error as Error).message}`,
        { cause: error },
      );
    }
  }
  throw new RegistryLakehouseUnavailable(
    env.DATABRICKS_WAREHOUSE_ID
      ? "A SQL warehouse is bound (DATABRICKS_WAREHOUSE_ID), but this build opens only the local lakehouse; run the kit under `appbase up`, which sets APPBASE_LAKEHOUSE_DIR."
      : "No lakehouse is bound: bind a SQL warehouse to the app (the sql-warehouse resource sets DATABRICKS_WAREHOUSE_ID, with DATABRICKS_HOST), or run locally with `appbase up`, which sets APPBASE_LAKEHOUSE_DIR.",
  );
}
