import type { JsonValue } from "../types.ts";

export type AgentKind = "support" | "risk_triage" | "ops";

export interface ToolSpec {
  tool_name: string;
  agent_kind: AgentKind;
  description: string;
  args_schema: JsonValue;
  requires_approval: boolean;
}

const obj = (properties: Record<string, JsonValue>, required: string[]): JsonValue => ({
  type: "object",
  properties,
  required,
  additionalProperties: false,
});
const str = (description: string): JsonValue => ({ type: "string", description });
const num = (description: string): JsonValue => ({ type: "number", description });

/** The tool registry: what each agent kind may call, with JSON Schema for the arguments. */
export const toolSpecs: readonly ToolSpec[] = [
  {
    tool_name: "lookup_customer",
    agent_kind: "support",
    requires_approval: false,
    description: "Fetch a customer's profile, segment and consent flags.",
    args_schema: obj({ customer_id: str("Customer id, e.g. C0000042") }, ["customer_id"]),
  },
  {
    tool_name: "list_orders",
    agent_kind: "support",
    requires_approval: false,
    description: "List a customer's recent orders.",
    args_schema: obj({ customer_id: str("Customer id"), since_days: num("Look-back window in days") }, [
      "customer_id",
    ]),
  },
  {
    tool_name: "search_help_center",
    agent_kind: "support",
    requires_approval: false,
    description: "Search help-center articles.",
    args_schema: obj({ query: str("Free-text query"), top_k: num("Number of articles") }, ["query"]),
  },
  {
    tool_name: "create_ticket",
    agent_kind: "support",
    requires_approval: false,
    description: "Open a support ticket for a human agent.",
    args_schema: obj(
      {
        customer_id: str("Customer id"),
        subject: str("One-line subject"),
        priority: { type: "string", enum: ["low", "normal", "high"] },
      },
      ["customer_id", "subject"],
    ),
  },
  {
    tool_name: "issue_refund",
    agent_kind: "support",
    requires_approval: true,
    description: "Refund an order; needs operator approval above the auto-approve limit.",
    args_schema: obj(
      {
        order_id: str("Order id"),
        amount: num("Amount in the order currency"),
        reason: str("Why the refund is due"),
      },
      ["order_id", "amount", "reason"],
    ),
  },
  {
    tool_name: "get_entity_profile",
    agent_kind: "risk_triage",
    requires_approval: false,
    description: "Fetch an entity's KYC profile, country and sector.",
    args_schema: obj({ entity_id: str("Entity id, e.g. E0000007") }, ["entity_id"]),
  },
  {
    tool_name: "get_risk_scores",
    agent_kind: "risk_triage",
    requires_approval: false,
    description: "Risk score history for an entity.",
    args_schema: obj({ entity_id: str("Entity id"), model_version: str("Model version, optional") }, [
      "entity_id",
    ]),
  },
  {
    tool_name: "search_policies",
    agent_kind: "risk_triage",
    requires_approval: false,
    description: "Semantic search over compliance policies.",
    args_schema: obj({ query: str("What the policy should cover"), top_k: num("Number of passages") }, [
      "query",
    ]),
  },
  {
    tool_name: "screen_sanctions",
    agent_kind: "risk_triage",
    requires_approval: false,
    description: "Screen a name against sanctions and PEP lists.",
    args_schema: obj({ name: str("Full legal name"), country_code: str("ISO 3166-1 alpha-2") }, ["name"]),
  },
  {
    tool_name: "escalate_alert",
    agent_kind: "risk_triage",
    requires_approval: true,
    description: "Escalate an alert into a case for investigation.",
    args_schema: obj({ alert_id: str("Alert id"), rationale: str("Why it needs a case") }, [
      "alert_id",
      "rationale",
    ]),
  },
  {
    tool_name: "get_asset_health",
    agent_kind: "ops",
    requires_approval: false,
    description: "Recent health and anomaly scores for an asset.",
    args_schema: obj(
      { asset_id: str("Asset id, e.g. AS000123"), window_hours: num("Look-back window in hours") },
      ["asset_id"],
    ),
  },
  {
    tool_name: "list_work_orders",
    agent_kind: "ops",
    requires_approval: false,
    description: "Work orders for an asset, optionally by status.",
    args_schema: obj({ asset_id: str("Asset id"), status: str("Work-order status") }, ["asset_id"]),
  },
  {
    tool_name: "get_maintenance_manual",
    agent_kind: "ops",
    requires_approval: false,
    description: "Retrieve the maintenance procedure for an asset type.",
    args_schema: obj({ asset_type: str("Asset type"), symptom: str("Observed symptom") }, ["asset_type"]),
  },
  {
    tool_name: "create_work_order",
    agent_kind: "ops",
    requires_approval: true,
    description: "Raise a corrective work order for an asset.",
    args_schema: obj(
      {
        asset_id: str("Asset id"),
        priority: { type: "string", enum: ["low", "medium", "high", "urgent"] },
        title: str("What needs doing"),
      },
      ["asset_id", "priority", "title"],
    ),
  },
  {
    tool_name: "page_on_call",
    agent_kind: "ops",
    requires_approval: false,
    description: "Page the on-call technician for a site.",
    args_schema: obj({ site_id: str("Site id"), message: str("What is wrong") }, ["site_id", "message"]),
  },
];

export interface AgentSpec {
  agent_id: string;
  name: string;
  kind: AgentKind;
  description: string;
  model: string;
  version: string;
  system_prompt: string;
  /** Relative share of threads. */
  weight: number;
}

/** Agent definitions: a fixed roster, identical at every scale. */
export const agentSpecs: readonly AgentSpec[] = [
  {
    agent_id: "support-concierge",
    name: "Support Concierge",
    kind: "support",
    weight: 30,
    model: "databricks-claude-sonnet-4",
    version: "3.2.0",
    description: "First-line customer support across chat and email.",
    system_prompt:
      "You are a courteous support agent. Look the customer up before answering, respect their consent flags, and never promise refunds you cannot issue.",
  },
  {
    agent_id: "support-returns",
    name: "Returns Assistant",
    kind: "support",
    weight: 14,
    model: "databricks-meta-llama-3-3-70b-instruct",
    version: "1.4.1",
    description: "Handles returns and refunds within policy limits.",
    system_prompt:
      "You process returns. Check the order, apply the returns policy, and ask for approval before refunding more than the auto-approve limit.",
  },
  {
    agent_id: "support-billing",
    name: "Billing Helper",
    kind: "support",
    weight: 10,
    model: "databricks-claude-sonnet-4",
    version: "2.0.3",
    description: "Explains charges and fixes billing mistakes.",
    system_prompt:
      "You explain invoices and charges. Open a ticket for anything you cannot resolve with the tools you have.",
  },
  {
    agent_id: "risk-alert-triage",
    name: "Alert Triage",
    kind: "risk_triage",
    weight: 16,
    model: "databricks-claude-sonnet-4",
    version: "0.9.4",
    description: "Pre-triages transaction-monitoring alerts for analysts.",
    system_prompt:
      "You triage AML alerts. Gather the entity profile, score history and relevant policy, then recommend dismiss or escalate with a rationale an auditor can follow.",
  },
  {
    agent_id: "risk-kyc-refresh",
    name: "KYC Refresh",
    kind: "risk_triage",
    weight: 6,
    model: "databricks-meta-llama-3-3-70b-instruct",
    version: "1.1.0",
    description: "Runs periodic KYC reviews for high-risk entities.",
    system_prompt:
      "You perform KYC refresh reviews. Screen names, check jurisdiction risk and cite the policy section behind each finding.",
  },
  {
    agent_id: "risk-sanctions",
    name: "Sanctions Screener",
    kind: "risk_triage",
    weight: 4,
    model: "databricks-claude-sonnet-4",
    version: "0.7.2",
    description: "Resolves potential sanctions matches.",
    system_prompt:
      "You resolve potential sanctions hits. Never clear a match without evidence; escalate anything ambiguous.",
  },
  {
    agent_id: "ops-maintenance",
    name: "Maintenance Planner",
    kind: "ops",
    weight: 10,
    model: "databricks-claude-sonnet-4",
    version: "2.3.0",
    description: "Turns asset health signals into work orders.",
    system_prompt:
      "You plan maintenance. Read asset health, check open work orders to avoid duplicates, and raise a work order with a clear title and priority.",
  },
  {
    agent_id: "ops-anomaly",
    name: "Anomaly Investigator",
    kind: "ops",
    weight: 6,
    model: "databricks-meta-llama-3-3-70b-instruct",
    version: "1.0.5",
    description: "Explains sensor anomalies to operators.",
    system_prompt:
      "You investigate anomalies. Compare recent scores with the asset's history and the maintenance manual before paging anyone.",
  },
  {
    agent_id: "ops-dispatch",
    name: "Field Dispatch",
    kind: "ops",
    weight: 4,
    model: "databricks-claude-sonnet-4",
    version: "1.2.0",
    description: "Coordinates technicians for urgent work.",
    system_prompt: "You dispatch technicians. Page on-call only for urgent work orders and say why.",
  },
];

/** Tools an agent kind may call. */
export function toolsFor(kind: AgentKind): ToolSpec[] {
  return toolSpecs.filter((t) => t.agent_kind === kind);
}
