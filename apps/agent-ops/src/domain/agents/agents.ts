import { z } from "zod";
import type { AgentSpec } from "./agent-spec.ts";
import { maintenancePlannerAgent } from "./maintenance-agent.ts";
import { riskTriageAgent } from "./risk-agent.ts";
import { supportAgent } from "./support-agent.ts";

/** Every agent this kit runs, by name (the name is stored on each run). */
export const agents = {
  [supportAgent.name]: supportAgent,
  [riskTriageAgent.name]: riskTriageAgent,
  [maintenancePlannerAgent.name]: maintenancePlannerAgent,
} as const satisfies Record<string, AgentSpec>;

export const agentNames = [supportAgent.name, riskTriageAgent.name, maintenancePlannerAgent.name] as const;
export const agentNameSchema = z.enum(agentNames, {
  error: `agent must be one of: ${agentNames.join(", ")}.`,
});
export type AgentName = z.infer<typeof agentNameSchema>;

/** The spec of a stored run's agent; an unknown name is a run this version of the kit cannot continue. */
export function agentSpec(name: string): AgentSpec {
  const spec = (agents as Record<string, AgentSpec>)[name];
  if (!spec) throw new Error(`Agent ${name} is not one this kit runs (known: ${agentNames.join(", ")}).`);
  return spec;
}
