import { type GovernedTable, governedTable } from "@appbase/lakehouse/governance";
import { agentDefinition, toolRegistry } from "./schema/registry.ts";

// Silver lives in the lakehouse schema the grant matrix gives the app MODIFY and CREATE_TABLE on
// (`agent_ops`, "governed review decisions and audit events"). Both tables share one bronze table:
// its rows carry `governed_table`, so one append-only trail answers "who changed the registry, in
// what order" across agents and tools, and no second schema needs a grant.
const BRONZE = "appbase.agent_ops.registry_events";

/** The governed agent definitions: silver in the lakehouse is the authority, Lakebase serves reads. */
export const governedAgentDefinition = governedTable(agentDefinition, {
  silver: "appbase.agent_ops.agent_definition",
  bronze: BRONZE,
  versionColumn: "version",
});

/** The governed tool registry, same arrangement as the agent definitions. */
export const governedToolRegistry = governedTable(toolRegistry, {
  silver: "appbase.agent_ops.tool_registry",
  bronze: BRONZE,
  versionColumn: "version",
});

/** Every governed table of the kit; the CLI (`appbase up`, `appbase governance …`) imports this. */
export const governedTables: readonly GovernedTable[] = [governedAgentDefinition, governedToolRegistry];
