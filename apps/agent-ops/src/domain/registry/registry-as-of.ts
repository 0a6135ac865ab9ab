import { LakehouseError } from "@appbase/lakehouse";
import type { GovernanceWriter, GovernedTable } from "@appbase/lakehouse/governance";
import { governedAgentDefinition, governedToolRegistry } from "../../db/governed.ts";
import { agentDefinitionRowSchema, type Registry, registeredToolRowSchema } from "./registry-entry.ts";

/** The registries as silver held them at a past time, and which silver version of each that was. */
export interface RegistryAsOf extends Registry {
  at: string;
  /** Silver table versions read; null where the table did not exist yet at that time. */
  silverVersions: { agents: number | null; tools: number | null };
}

async function tableAsOf(writer: GovernanceWriter, table: GovernedTable, at: Date) {
  try {
    return await writer.stateAsOf(table, at);
  } catch (error) {
    // Before the table's first commit nothing was registered, as Delta's TIMESTAMP AS OF says.
    if (error instanceof LakehouseError && error.code === "DELTA_TIMESTAMP_OUT_OF_RANGE") return null;
    throw error;
  }
}

/** What was registered at `at`, read from the lakehouse history of both silver tables. */
export async function registryAsOf(writer: GovernanceWriter, at: Date): Promise<RegistryAsOf> {
  const [agents, tools] = await Promise.all([
    tableAsOf(writer, governedAgentDefinition, at),
    tableAsOf(writer, governedToolRegistry, at),
  ]);
  return {
    at: at.toISOString(),
    agents: (agents?.rows ?? []).map((r) => agentDefinitionRowSchema.parse(r)),
    tools: (tools?.rows ?? []).map((r) => registeredToolRowSchema.parse(r)),
    silverVersions: { agents: agents?.silverVersion ?? null, tools: tools?.silverVersion ?? null },
  };
}
