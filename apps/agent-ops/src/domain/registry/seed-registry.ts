import { GovernanceError, type GovernanceWriter } from "@appbase/lakehouse/governance";
import { ConflictError } from "@appbase/next-kit/errors";
import type { AgentSpec } from "../agents/agent-spec.ts";
import { agents } from "../agents/agents.ts";
import type { RiskLevel } from "./registry-entry.ts";
import type { AgentDefinitionInput, ToolInput } from "./registry-input.ts";
import { type RegistryWriteContext, saveAgentDefinition, saveTool } from "./registry-writes.ts";

/** Who the bronze trail names for the initial registry. */
export const REGISTRY_SEED_ACTOR = "agent-ops initial registry";

// Names, titles, tool lists and which tools a human reviews come from the agent specs the kit runs,
// so the initial registry cannot drift from the code. What only the registry knows (what each tool
// reads, how risky it is, a description for people) is declared here; seed-registry.test.ts fails on
// a tool or agent without it, so adding one to an agent forces that decision.
export const toolGovernance: Record<string, { reads: string[]; riskLevel: RiskLevel }> = {
  lookup_order: { reads: ["customer.customers", "customer.interactions"], riskLevel: "low" },
  issue_refund: { reads: [], riskLevel: "high" },
  lookup_entity: { reads: ["risk.entities", "risk.risk_scores"], riskLevel: "low" },
  list_open_alerts: { reads: ["risk.alerts"], riskLevel: "low" },
  file_triage_action: { reads: [], riskLevel: "high" },
  lookup_asset: { reads: ["operations.assets", "operations.asset_scores"], riskLevel: "low" },
  list_open_work_orders: { reads: ["operations.work_orders"], riskLevel: "low" },
  propose_work_order: { reads: [], riskLevel: "high" },
};

export const agentDescriptions: Record<string, string> = {
  "customer-support":
    "Looks up an order and its customer, then proposes a refund; a human approves every refund before it is issued.",
  "risk-triage":
    "Reads an entity's profile, risk score and open alerts, then proposes escalate, monitor or dismiss; a human reviews it before it is filed.",
  "maintenance-planner":
    "Handed an Operations Portal alert, reads the asset, its latest scores and open work orders, then proposes one work order; a human approves it before the portal opens it.",
};

function specTools(spec: AgentSpec) {
  return [...(spec.evidence?.tools ?? []), ...spec.tools];
}

// A tool missing from toolGovernance is seeded as medium risk reading nothing declared; the test
// names it so the entry gets written.
function governanceOf(toolName: string): { reads: string[]; riskLevel: RiskLevel } {
  return toolGovernance[toolName] ?? { reads: [], riskLevel: "medium" };
}

const specs = Object.values(agents) as AgentSpec[];
const demoTools: ToolInput[] = [
  ...new Map(specs.flatMap(specTools).map((t) => [t.name, t] as const)).values(),
].map((t) => ({
  toolName: t.name,
  description: t.description,
  ...governanceOf(t.name),
  enabled: true,
  expectedVersion: 0,
}));

const demoAgents: AgentDefinitionInput[] = specs.map((spec) => ({
  agentId: spec.name,
  title: spec.title,
  description: agentDescriptions[spec.name] ?? spec.title,
  tools: specTools(spec).map((t) => t.name),
  reviewRequired: spec.reviewedTools.length > 0,
  enabled: true,
  expectedVersion: 0,
}));

/** Every agent spec the kit runs, for the completeness test. */
export const agentSpecs = specs;

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
