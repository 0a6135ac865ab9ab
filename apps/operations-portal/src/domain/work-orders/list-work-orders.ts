import type { Queryable } from "@appbase/db";
import { type Viewer, visibleWorkOrders } from "../access.ts";
import type { WorkOrderStatus } from "./lifecycle.ts";
import { toWorkOrder, type WorkOrder, type WorkOrderKind, type WorkOrderRecord } from "./work-order.ts";

export interface WorkOrderFilter {
  siteId?: string | undefined;
  assetId?: string | undefined;
  status?: WorkOrderStatus | "backlog" | undefined;
  kind?: WorkOrderKind | undefined;
  assigneeId?: string | undefined;
  /** Only orders past their completion target (open ones now, closed ones when they completed). */
  breached?: boolean | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

export interface WorkOrderPage {
  rows: (WorkOrder & { assetTag: string | null; assetType: string | null; assigneeName: string | null })[];
  total: number;
}

/** Work orders the viewer may see, most urgent first (open before closed, then by completion target). */
export async function listWorkOrders(
  db: Queryable,
  viewer: Viewer,
  filter: WorkOrderFilter,
  now: Date = new Date(),
): Promise<WorkOrderPage> {
  const params: unknown[] = [];
  const where: string[] = [];
  const add = (clause: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(clause(`$${params.length}`));
  };
  if (filter.siteId) add((p) => `w.site_id = ${p}`, filter.siteId);
  if (filter.assetId) add((p) => `w.asset_id = ${p}`, filter.assetId);
  if (filter.kind) add((p) => `w.kind = ${p}`, filter.kind);
  if (filter.assigneeId) add((p) => `w.assignee_id = ${p}`, filter.assigneeId);
  if (filter.status === "backlog") where.push("w.status in ('open','in_progress','on_hold')");
  else if (filter.status) add((p) => `w.status = ${p}`, filter.status);
  if (filter.breached)
    add(
      (p) => `w.status <> 'cancelled' and coalesce(w.completed_at, ${p}::timestamptz) > w.completion_due_at`,
      now,
    );
  const visible = visibleWorkOrders(viewer, "w", params.length + 1);
  params.push(...visible.params);
  where.push(visible.sql);
  params.push(Math.min(filter.limit ?? 50, 200), filter.offset ?? 0);
  const { rows } = await db.query<
    WorkOrderRecord & {
      asset_tag: string | null;
      asset_type: string | null;
      assignee_name: string | null;
      total: number;
    }
  >(
    `select w.*, a.tag as asset_tag, a.asset_type, t.display_name as assignee_name, count(*) over ()::int as total
       from operations_portal.work_order w
       left join operations.assets a on a.asset_id = w.asset_id
       left join operations_portal.technician t on t.id = w.assignee_id
      where ${where.join(" and ")}
      order by (w.status in ('complete','cancelled')), w.completion_due_at, w.number
      limit $${params.length - 1} offset $${params.length}`,
    params,
  );
  return {
    rows: rows.map((r) => ({
      ...toWorkOrder(r),
      assetTag: r.asset_tag,
      assetType: r.asset_type,
      assigneeName: r.assignee_name,
    })),
    total: rows[0]?.total ?? 0,
  };
}
