import type { BaseMessage } from "@langchain/core/messages";
import type { AgentSpec } from "./agent-spec.ts";
import { evidenceTools, triageTools } from "./risk-tools.ts";
import { jsonResult, riskEvidencePlan, scriptedRiskReply, toolResults } from "./scripted-model.ts";

/** A score at or above this is "critical" in the risk bands; dismissing such an entity needs a policy look. */
export const CRITICAL_RISK_SCORE = 85;

function entityEvidence(messages: BaseMessage[]) {
  return jsonResult<{ is_pep?: boolean; score?: number | null }>(toolResults(messages).get("lookup_entity"));
}

/**
 * The risk-triage agent: an evidence subgraph reads the entity and its open alerts from the served risk
 * tables, the model proposes escalate / monitor / dismiss, and a human reviews it before it is filed.
 */
export const riskTriageAgent: AgentSpec = {
  name: "risk-triage",
  title: "Risk triage",
  systemPrompt:
    "You are a risk-triage analyst. The evidence on the entity (profile, latest risk score, open alerts) is " +
    "in the conversation. Propose exactly one file_triage_action: escalate, monitor or dismiss, with the " +
    "alert ids and a one-sentence reason. A human reviews it before it is filed.",
  tools: triageTools,
  reviewedTools: ["file_triage_action"],
  reviewKind: "triage-approval",
  scripted: scriptedRiskReply,
  evidence: { tools: evidenceTools, plan: riskEvidencePlan },
  policyRules: [
    {
      id: "pep-escalation",
      tool: "file_triage_action",
      check: (args, messages) =>
        args.action === "escalate" && entityEvidence(messages)?.is_pep === true
          ? "Escalating a politically exposed person (PEP) must be confirmed by compliance."
          : null,
    },
    {
      id: "critical-dismissal",
      tool: "file_triage_action",
      check: (args, messages) => {
        const score = entityEvidence(messages)?.score ?? null;
        return args.action === "dismiss" && score !== null && score >= CRITICAL_RISK_SCORE
          ? `Dismissing the alerts of an entity scored ${score.toFixed(1)} (critical, ≥ ${CRITICAL_RISK_SCORE}).`
          : null;
      },
    },
  ],
  exampleRequest: "Triage entity E0000012",
};
