import "server-only";
import { logWithErrorId } from "@appbase/next-kit/error-reference";
import {
  oncePerProcess,
  type RegistryRuntime,
  startRegistryRuntime,
} from "../domain/registry/registry-runtime.ts";
import { registryEnv } from "../registry-env.ts";
import { db, serverEnv } from "./kit.ts";
import { openRegistryLakehouse, RegistryLakehouseUnavailable } from "./registry-lakehouse.ts";

/** The kit process's registry runtime (writer + one outbox worker), or why the lakehouse is unreachable. */
export async function registryRuntime(): Promise<
  { runtime: RegistryRuntime; unavailable?: never } | { runtime?: never; unavailable: string }
> {
  try {
    const runtime = await oncePerProcess("agent-ops:registry", async () => {
      const env = serverEnv();
      const lakehouse = await openRegistryLakehouse({
        ...registryEnv(),
        DATABRICKS_HOST: env.DATABRICKS_HOST,
        DATABRICKS_WAREHOUSE_ID: env.DATABRICKS_WAREHOUSE_ID,
        DATABRICKS_CLIENT_ID: env.DATABRICKS_CLIENT_ID,
        DATABRICKS_CLIENT_SECRET: env.DATABRICKS_CLIENT_SECRET,
      });
      try {
        return await startRegistryRuntime({ lakehouse, lakebase: await db(), logger: console });
      } catch (error) {
        await lakehouse.close();
        throw error;
      }
    });
    return { runtime };
  } catch (error) {
    if (error instanceof RegistryLakehouseUnavailable) return { unavailable: error.message };
    // Anything else (e.g. the outbox table missing because governance migrations were not applied)
    // also leaves the page readable from Lakebase; the page shows an error id, the log the details.
    const id = logWithErrorId(console, "[agent-ops] the governed registry could not start", error);
    return {
      unavailable: `The governed registry could not start (ref ${id}). Run \`appbase up\` (it applies the governance migrations and creates the lakehouse tables) and reload; if it persists, send the reference to the kit's owner.`,
    };
  }
}
