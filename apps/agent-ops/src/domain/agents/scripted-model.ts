import { AIMessage, type BaseMessage, ToolMessage } from "@langchain/core/messages";

/** Shown in the UI next to every run it drives: no serving endpoint is bound, so replies are scripted. */
export const SCRIPTED_MODEL_LABEL = "Scripted demo model (deterministic, no LLM bound)";

const ORDER_ID = /\b(ORD-\d{3,})\b/i;
const ENTITY_ID = /\b(E\d{7})\b/i;

/** The first human message: the request the run was started with. */
export function requestOf(messages: BaseMessage[]): string {
  return String(messages.find((m) => m.type === "human")?.content ?? "");
}

/** Tool results of the conversation so far, by tool name (the latest one wins). */
export function toolResults(messages: BaseMessage[]): Map<string, ToolMessage> {
  const byName = new Map<string, ToolMessage>();
  for (const m of messages) if (ToolMessage.isInstance(m) && m.name) byName.set(m.name, m);
  return byName;
}

/** The parsed JSON of a successful tool result, or undefined. */
export function jsonResult<T>(message: ToolMessage | undefined): T | undefined {
  if (!message || message.status === "error") return undefined;
  try {
    return JSON.parse(String(message.content)) as T;
  } catch {
    return undefined;
  }
}

/**
 * A deterministic stand-in for the support model: look up the order, propose a refund, then summarize,
 * the way a tool-calling model would. Same input, same run.
 */
export function scriptedSupportReply(messages: BaseMessage[]): AIMessage {
  const orderId = (ORDER_ID.exec(requestOf(messages))?.[1] ?? "ORD-1001").toUpperCase();
  const results = toolResults(messages);
  const lookup = results.get("lookup_order");
  const refund = results.get("issue_refund");
  if (!lookup) {
    return new AIMessage({
      content: `Let me look up ${orderId}.`,
      tool_calls: [{ id: `call_lookup_${orderId}`, name: "lookup_order", args: { orderId } }],
    });
  }
  if (lookup.status === "error") {
    return new AIMessage({
      content: `I could not read ${orderId}, so I cannot refund it: ${String(lookup.content)}`,
    });
  }
  if (!refund) {
    const order = jsonResult<{ total?: number }>(lookup) ?? {};
    const amount = Math.round((order.total ?? 0) * 100) / 100;
    return new AIMessage({
      content: `The order qualifies for a refund of ${amount}. Issuing it needs a human review.`,
      tool_calls: [
        { id: `call_refund_${orderId}_${results.size}`, name: "issue_refund", args: { orderId, amount } },
      ],
    });
  }
  return new AIMessage({ content: `Done: ${String(refund.content)}` });
}

/** The evidence plan of the risk-triage agent: profile and open alerts of the entity the request names. */
export function riskEvidencePlan(messages: BaseMessage[]): AIMessage {
  const entityId = ENTITY_ID.exec(requestOf(messages))?.[1]?.toUpperCase();
  if (!entityId) return new AIMessage({ content: "The request names no entity id; no evidence to gather." });
  return new AIMessage({
    content: `Gathering evidence on ${entityId}.`,
    tool_calls: [
      { id: `evidence_entity_${entityId}`, name: "lookup_entity", args: { entityId } },
      { id: `evidence_alerts_${entityId}`, name: "list_open_alerts", args: { entityId } },
    ],
  });
}

interface EntityEvidence {
  entity_id: string;
  name: string;
  is_pep: boolean;
  score: number | null;
  band: string | null;
}
interface AlertEvidence {
  alert_id: string;
  severity: string;
  rule_name: string;
}

/**
 * A deterministic stand-in for the triage model: escalate when the entity scores high or has a high or
 * critical open alert, monitor when it has other open alerts, dismiss otherwise.
 */
export function scriptedRiskReply(messages: BaseMessage[]): AIMessage {
  const results = toolResults(messages);
  const filed = results.get("file_triage_action");
  if (filed) {
    return new AIMessage({
      content:
        filed.status === "error"
          ? `Filing failed: ${String(filed.content)}`
          : `Triage: ${String(filed.content)}`,
    });
  }
  const lookup = results.get("lookup_entity");
  if (!lookup) {
    return new AIMessage({ content: "Name the entity to triage, e.g. 'Triage entity E0000012'." });
  }
  const entity = jsonResult<EntityEvidence>(lookup);
  if (!entity) return new AIMessage({ content: `I could not read the entity: ${String(lookup.content)}` });
  const alerts =
    jsonResult<{ openAlerts: AlertEvidence[] }>(results.get("list_open_alerts"))?.openAlerts ?? [];
  const severe = alerts.filter((a) => a.severity === "critical" || a.severity === "high");
  const band = entity.band ?? "unscored";
  const action =
    band === "critical" || band === "high" || severe.length > 0
      ? "escalate"
      : alerts.length > 0
        ? "monitor"
        : "dismiss";
  const reason =
    action === "escalate"
      ? `${entity.name} is ${band} risk with ${severe.length} high or critical open alert(s)`
      : action === "monitor"
        ? `${alerts.length} open alert(s), none high or critical; risk band ${band}`
        : `no open alerts; risk band ${band}`;
  return new AIMessage({
    content: `Proposing to ${action} ${entity.entity_id}: ${reason}.`,
    tool_calls: [
      {
        id: `call_triage_${entity.entity_id}`,
        name: "file_triage_action",
        args: { entityId: entity.entity_id, action, alertIds: alerts.map((a) => a.alert_id), reason },
      },
    ],
  });
}
