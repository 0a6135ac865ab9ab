import { AIMessage, type BaseMessage, ToolMessage } from "@langchain/core/messages";

/** Shown in the UI next to every run it drives: no serving endpoint is bound, so replies are scripted. */
export const SCRIPTED_MODEL_LABEL = "Scripted demo model (deterministic, no LLM bound)";

const ORDER_ID = /\b(ORD-\d{3,})\b/i;
const ENTITY_ID = /\b(E\d{7})\b/i;
const ASSET_ID = /\basset ([A-Za-z0-9_-]{1,40})\b/;
const ALERT_ID = /\balert ([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b/i;

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

/** The evidence plan of the maintenance planner: the asset the request names, and its open work. */
export function maintenanceEvidencePlan(messages: BaseMessage[]): AIMessage {
  const assetId = ASSET_ID.exec(requestOf(messages))?.[1];
  if (!assetId) return new AIMessage({ content: "The request names no asset; no evidence to gather." });
  return new AIMessage({
    content: `Gathering evidence on ${assetId}.`,
    tool_calls: [
      { id: `evidence_asset_${assetId}`, name: "lookup_asset", args: { assetId } },
      { id: `evidence_work_${assetId}`, name: "list_open_work_orders", args: { assetId } },
    ],
  });
}

interface AssetEvidence {
  asset_id: string;
  asset_type: string;
  criticality: string;
  health_score: number | null;
  anomaly_score: number | null;
}

/**
 * A deterministic stand-in for the planner model: propose one reactive work order on the alert's
 * asset, its priority from the asset's criticality and health (urgent when a critical asset is
 * failing), then report what the portal opened.
 */
export function scriptedMaintenanceReply(messages: BaseMessage[]): AIMessage {
  const results = toolResults(messages);
  const proposed = results.get("propose_work_order");
  if (proposed) {
    return new AIMessage({
      content:
        proposed.status === "error"
          ? `Opening the work order failed: ${String(proposed.content)}`
          : `Work order opened: ${String(proposed.content)}`,
    });
  }
  const alertId = ALERT_ID.exec(requestOf(messages))?.[1]?.toLowerCase();
  const lookup = results.get("lookup_asset");
  if (!lookup || !alertId)
    return new AIMessage({
      content:
        "Hand me an alert from the Operations Portal: 'Plan maintenance for asset <id>: alert <uuid> (…)'.",
    });
  const asset = jsonResult<AssetEvidence>(lookup);
  if (!asset) return new AIMessage({ content: `I could not read the asset: ${String(lookup.content)}` });
  const health = asset.health_score ?? 100;
  const priority =
    asset.criticality === "critical" && health < 40
      ? "urgent"
      : asset.criticality === "critical" || health < 40
        ? "high"
        : "medium";
  const title = `Inspect ${asset.asset_type.replaceAll("_", " ")} ${asset.asset_id} (health ${health.toFixed(0)})`;
  return new AIMessage({
    content: `Proposing a ${priority} work order on ${asset.asset_id}.`,
    tool_calls: [
      {
        id: `call_work_order_${alertId}`,
        name: "propose_work_order",
        args: { alertId, assetId: asset.asset_id, title, priority },
      },
    ],
  });
}
