import { GovernanceError, type GovernanceWriter } from "@appbase/lakehouse/governance";
import { ConflictError } from "@appbase/next-kit/errors";
import { issueRefund, lookupOrder } from "../agents/support-tools.ts";
import type { AgentDefinitionInput, ToolInput } from "./registry-input.ts";
import { type RegistryWriteContext, saveAgentDefinition, saveTool } from "./registry-writes.ts";

/** Who the bronze trail names for the initial registry. */
export const REGISTRY_SEED_ACTOR = "agent-ops initial registry";

// Names and descriptions come from the tool objects the agents run, so the registry cannot drift
// from the code; risk and reads are what the registry adds.
const demoTools: ToolInput[] = [
  {
    toolName: lookupOrder.name,
    description: lookupOrder.description,
    reads: [],
    riskLevel: "low",
    enabled: true,
    expectedVersion: 0,
  },
  {
    toolName: issueRefund.name,
    description: issueRefund.description,
    reads: [],
    riskLevel: "high",
    enabled: true,
    expectedVersion: 0,
  },
];

const demoAgents: AgentDefinitionInput[] = [
  {
    agentId: "support",
    title: "Customer support agent",
    description:
      "Looks up an order and proposes a refund; a human approves every refund before it is issued.",
    tools: [lookupOrder.name, issueRefund.name],
    reviewRequired: true,
    enabled: true,
    expectedVersion: 0,
  },
];

/** The demo agents and tools the kit ships with, as the initial registry holds them. */
export const demoRegistry = { tools: demoTools, agents: demoAgents } as const;

/**
 * Registers the demo tools, then the demo agents, through the Governance Writer; entries already in
 * silver are left as they are, so running it again (or from two processes at once) changes nothing.
 * Returns what this call registered.
 */
export async function seedRegistry(
  writer: GovernanceWriter,
  options: { actor?: string; now?: () => Date } = {},
): Promise<{ tools: string[]; agents: string[] }> {
  const actor = options.actor ?? REGISTRY_SEED_ACTOR;
  const ctx: RegistryWriteContext = { writer, ...(options.now ? { now: options.now } : {}) };
  const registered = { tools: [] as string[], agents: [] as string[] };
  for (const tool of demoTools) {
    if ((await writer.read("agent_ops.tool_registry", { tool_name: tool.toolName })).row) continue;
    if (await alreadyThere(() => saveTool(ctx, tool, actor))) continue;
    registered.tools.push(tool.toolName);
  }
  for (const agent of demoAgents) {
    if ((await writer.read("agent_ops.agent_definition", { agent_id: agent.agentId })).row) continue;
    if (await alreadyThere(() => saveAgentDefinition(ctx, agent, actor))) continue;
    registered.agents.push(agent.agentId);
  }
  return registered;
}

// Another process seeding at the same moment registers the entry first; that is success too.
async function alreadyThere(write: () => Promise<unknown>): Promise<boolean> {
  try {
    await write();
    return false;
  } catch (error) {
    if (error instanceof ConflictError) return true;
    if (error instanceof GovernanceError && error.code === "VERSION_CONFLICT") return true;
    throw error;
  }
}
