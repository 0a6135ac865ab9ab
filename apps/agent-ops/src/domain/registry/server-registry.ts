import "server-only";
import { registryEnv } from "../../registry-env.ts";
import { db } from "../../server/db.ts";
import { openRegistryLakehouse, RegistryLakehouseUnavailable } from "./registry-lakehouse.ts";
import { oncePerProcess, type RegistryRuntime, startRegistryRuntime } from "./registry-runtime.ts";

/** The kit process's registry runtime (writer + one outbox worker), or why the lakehouse is unreachable. */
export async function registryRuntime(): Promise<
  { runtime: RegistryRuntime; unavailable?: never } | { runtime?: never; unavailable: string }
> {
  try {
    const runtime = await oncePerProcess("agent-ops:registry", async () => {
      const lakehouse = await openRegistryLakehouse(registryEnv());
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
    throw error;
  }
}
