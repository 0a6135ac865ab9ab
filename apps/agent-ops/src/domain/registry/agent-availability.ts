import type { Queryable } from "@appbase/db";
import { agentDefinitionRowSchema, registeredToolRowSchema } from "./registry-entry.ts";
import { demoRegistry } from "./seed-registry.ts";

/**
 * Whether the governed registry lets an agent run now, and which of its tools it may call. `note`
 * says why a runnable agent is not governed by a registry entry yet.
 */
export type AgentAvailability =
  | { runnable: true; tools: string[]; note?: string }
  | { runnable: false; reason: string; tools: string[] };

/**
 * Reads an agent's definition and its tools from Lakebase (the registry's serving copy) and says
 * whether it may start: it must be registered and enabled. Disabled tools are left out of `tools`;
 * an agent with none of its tools enabled cannot run. Callers starting a run show `reason`.
 */
export async function agentAvailability(pool: Queryable, agentId: string): Promise<AgentAvailability> {
  const { rows } = await pool.query("SELECT * FROM agent_ops.agent_definition WHERE agent_id = $1", [
    agentId,
  ]);
  if (!rows[0]) {
    // Until the registry holds any agent (a fresh deployment before its startup step registered the
    // code-declared agents, e.g. while no SQL warehouse is bound), nothing can have been disabled:
    // declared agents run as declared, as their tools do (disabledTools). Once it holds one, an agent
    // missing from it does not start.
    const declared = demoRegistry.agents.find((a) => a.agentId === agentId);
    if (declared && !(await registryHoldsAgents(pool))) {
      return {
        runnable: true,
        tools: [...declared.tools],
        note: `Agent ${agentId} runs as declared in code: the registry is not filled yet (the kit registers its agents when it starts, through the governed registry's SQL warehouse).`,
      };
    }
    return {
      runnable: false,
      tools: [],
      reason: `Agent ${agentId} is not in the registry; an Agent Ops admin registers it on the Registry page.`,
    };
  }
  const agent = agentDefinitionRowSchema.parse(rows[0]);
  const { rows: toolRows } = await pool.query(
    "SELECT * FROM agent_ops.tool_registry WHERE tool_name = ANY($1::text[])",
    [agent.tools],
  );
  const enabled = new Set(
    toolRows.map((r) => registeredToolRowSchema.parse(r)).flatMap((t) => (t.enabled ? [t.toolName] : [])),
  );
  const tools = agent.tools.filter((t) => enabled.has(t));
  if (!agent.enabled) {
    return {
      runnable: false,
      tools,
      reason: `Agent ${agentId} is disabled in the registry (version ${agent.version}, by ${agent.updatedBy}); an Agent Ops admin can enable it.`,
    };
  }
  if (agent.tools.length > 0 && tools.length === 0) {
    return {
      runnable: false,
      tools,
      reason: `Every tool of agent ${agentId} (${agent.tools.join(", ")}) is disabled in the registry; an Agent Ops admin can enable them.`,
    };
  }
  return { runnable: true, tools };
}

async function registryHoldsAgents(pool: Queryable): Promise<boolean> {
  const { rows } = await pool.query("SELECT 1 FROM agent_ops.agent_definition LIMIT 1");
  return rows.length > 0;
}

/**
 * Which of these tools the registry has disabled now. Tools it does not list are not disabled (a kit
 * whose registry was never seeded runs its agents as declared).
 */
export async function disabledTools(pool: Queryable, toolNames: string[]): Promise<Set<string>> {
  const { rows } = await pool.query(
    "SELECT tool_name FROM agent_ops.tool_registry WHERE NOT enabled AND tool_name = ANY($1::text[])",
    [toolNames],
  );
  return new Set(rows.map((r) => String((r as { tool_name: string }).tool_name)));
}
