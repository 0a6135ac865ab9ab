import type { Lakehouse } from "@appbase/lakehouse";
import { openLakehouseFromEnv } from "@appbase/lakehouse/from-env";
import type { RegistryLakehouseEnv } from "../registry-env.ts";

/** The lakehouse is not bound or cannot be opened; `message` says what to bind or start. */
export class RegistryLakehouseUnavailable extends Error {
  override name = "RegistryLakehouseUnavailable";
}

/**
 * Opens the lakehouse holding the governed registry: the local one `appbase up` names in
 * APPBASE_LAKEHOUSE_DIR, or the bound SQL warehouse (DATABRICKS_HOST + DATABRICKS_WAREHOUSE_ID).
 */
export async function openRegistryLakehouse(env: RegistryLakehouseEnv): Promise<Lakehouse> {
  try {
    return await openLakehouseFromEnv({ ...env }, { userName: "agent-ops" });
  } catch (error) {
    const where = env.APPBASE_LAKEHOUSE_DIR
      ? `The local lakehouse at APPBASE_LAKEHOUSE_DIR=${env.APPBASE_LAKEHOUSE_DIR} could not be opened: `
      : "";
    throw new RegistryLakehouseUnavailable(`${where}${(error as Error).message}`, { cause: error });
  }
}
