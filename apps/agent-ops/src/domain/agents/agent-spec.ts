import type { AIMessage, BaseMessage } from "@langchain/core/messages";
import type { AgentToolDefinition } from "./agent-tool.ts";

/** A rule over a proposed tool call; a hit becomes a `policy-flag` review item. */
export interface PolicyRule {
  id: string;
  tool: string;
  /** Why the call needs a policy look, or null when it is within policy. */
  check(args: Record<string, unknown>, messages: BaseMessage[]): string | null;
}

/** Everything that makes one agent: the shared graph (agent-graph.ts) is built from this. */
export interface AgentSpec {
  name: string;
  title: string;
  /** What the model is told it is for, when a served model drives the agent. */
  systemPrompt: string;
  /** Tools the model may call. */
  tools: AgentToolDefinition[];
  /** Of those, the calls that pause for a human decision before they run. */
  reviewedTools: string[];
  /** `kind` of the review request the interrupt raises. */
  reviewKind: string;
  /** Deterministic stand-in for the model, used when no serving endpoint is bound. */
  scripted(messages: BaseMessage[]): AIMessage;
  /** Evidence gathered by a subgraph before the model's first turn (a fixed plan, not model-driven). */
  evidence?: { tools: AgentToolDefinition[]; plan(messages: BaseMessage[]): AIMessage };
  policyRules: PolicyRule[];
  /** A request to prefill the start form with. */
  exampleRequest: string;
}
