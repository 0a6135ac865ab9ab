import { z } from "zod";
import { defineAgentTool, idempotencyKey } from "./agent-tool.ts";
import { readServed } from "./served-data.ts";

const assetId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,40}$/, "assetId must be an asset id from operations.assets, e.g. AS000123");

/** An asset's profile and its latest health and anomaly scores, from the served `operations` tables. */
export const lookupAsset = defineAgentTool({
  name: "lookup_asset",
  description:
    "Profile of an asset (type, site, criticality, status) with its latest health and anomaly scores",
  schema: z.object({ assetId }),
  async run({ assetId: id }, { db }) {
    const [asset] = await readServed<Record<string, unknown>>(
      db,
      "operations.assets",
      `select a.asset_id, a.site_id, a.asset_type, a.tag, a.manufacturer, a.model, a.criticality, a.status,
              s.health_score, s.anomaly_score, s.scored_at
       from operations.assets a
       left join lateral (select health_score, anomaly_score, scored_at from operations.asset_scores r
                          where r.asset_id = a.asset_id order by scored_at desc limit 1) s on true
       where a.asset_id = $1`,
      [id],
    );
    if (!asset) throw new Error(`Asset ${id} is not in operations.assets; check the id.`);
    return JSON.stringify(asset);
  },
});

/** The asset's open work orders in the served history, so the agent does not propose a duplicate. */
export const listOpenWorkOrders = defineAgentTool({
  name: "list_open_work_orders",
  description: "Work orders of an asset that are not completed or closed, newest first, at most 10",
  schema: z.object({ assetId }),
  async run({ assetId: id }, { db }) {
    const orders = await readServed(
      db,
      "operations.work_orders",
      `select work_order_id, title, work_type, status, priority, opened_at, due_at from operations.work_orders
       where asset_id = $1 and completed_at is null and closed_at is null
       order by opened_at desc limit 10`,
      [id],
    );
    return JSON.stringify({ assetId: id, openWorkOrders: orders });
  },
});

/** What the portal's intake route answers (apps/operations-portal POST /api/intake/work-orders). */
interface WorkOrderFiled {
  workOrderId: string;
  label: string;
  replayed: boolean;
}

/**
 * Opens the proposed work order in the Operations Portal through its owning route (runs only after a
 * human approved it); the key is the thread and tool call, so a retried or resumed call opens one.
 */
export const proposeWorkOrder = defineAgentTool({
  name: "propose_work_order",
  description:
    "Open a work order on the asset of the alert this thread was handed (a human reviews it first)",
  schema: z.object({
    alertId: z.uuid("alertId must be the id of the portal alert the thread was handed"),
    assetId,
    title: z.string().min(1).max(200),
    priority: z.enum(["low", "medium", "high", "urgent"]),
  }),
  async run(args, { kits }, call) {
    if (!kits)
      throw new Error(
        "This run cannot reach the Operations Portal (no kit caller here), so no work order was opened; resume it from the Agent Ops app.",
      );
    const filed = await kits<WorkOrderFiled>({
      kit: "operations-portal",
      path: "/api/intake/work-orders",
      body: { idempotencyKey: idempotencyKey(call), threadId: call.threadId, ...args },
    });
    return JSON.stringify({
      ...args,
      opened: true,
      filedIn: { kit: "operations-portal", entity: "work-order", id: filed.workOrderId, label: filed.label },
    });
  },
});

export const maintenanceEvidenceTools = [lookupAsset, listOpenWorkOrders];
export const maintenanceTools = [proposeWorkOrder];
