import type { AgentSpec } from "./agent-spec.ts";
import { maintenanceEvidenceTools, maintenanceTools } from "./maintenance-tools.ts";
import {
  jsonResult,
  maintenanceEvidencePlan,
  scriptedMaintenanceReply,
  toolResults,
} from "./scripted-model.ts";

/**
 * The maintenance planner: handed a portal alert on an asset, an evidence subgraph reads the asset,
 * its latest scores and open work orders from the served operations tables, the model proposes one
 * work order, and a human reviews it before the portal opens it.
 */
export const maintenancePlannerAgent: AgentSpec = {
  name: "maintenance-planner",
  title: "Maintenance planner",
  systemPrompt:
    "You are a maintenance planner. The request names an Operations Portal alert and its asset; the asset's " +
    "profile, latest scores and open work orders are in the conversation. Propose exactly one " +
    "propose_work_order with the alert id, the asset id, a short title and a priority. A human reviews it.",
  tools: maintenanceTools,
  reviewedTools: ["propose_work_order"],
  reviewKind: "work-order-approval",
  scripted: scriptedMaintenanceReply,
  evidence: { tools: maintenanceEvidenceTools, plan: maintenanceEvidencePlan },
  policyRules: [
    {
      id: "duplicate-open-work",
      tool: "propose_work_order",
      check: (_args, messages) => {
        const open =
          jsonResult<{ openWorkOrders?: unknown[] }>(toolResults(messages).get("list_open_work_orders"))
            ?.openWorkOrders ?? [];
        return open.length > 0
          ? `The asset already has ${open.length} open work order(s); check this is not a duplicate.`
          : null;
      },
    },
  ],
  exampleRequest:
    "Plan maintenance for asset AS000001: alert 00000000-0000-4000-8000-000000000000 (health score below 40).",
};
