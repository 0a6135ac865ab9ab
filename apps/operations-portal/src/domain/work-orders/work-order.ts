import type { Queryable } from "@appbase/db";
import { NotFoundError } from "@appbase/next-kit/errors";
import { type Viewer, visibleWorkOrders } from "../access.ts";
import type { WorkOrderStatus } from "./lifecycle.ts";
import type { Priority } from "./priority.ts";

export type WorkOrderKind = "reactive" | "preventive";

/** A work order as the domain hands it out. */
export interface WorkOrder {
  id: string;
  number: number;
  assetId: string;
  siteId: string;
  title: string;
  description: string;
  kind: WorkOrderKind;
  priority: Priority;
  status: WorkOrderStatus;
  assigneeId: string | null;
  holdReason: string | null;
  cancelReason: string | null;
  openedAt: Date;
  responseDueAt: Date;
  completionDueAt: Date;
  startedAt: Date | null;
  onHoldSince: Date | null;
  holdSeconds: number;
  completedAt: Date | null;
  cancelledAt: Date | null;
  source: string | null;
  pmScheduleId: string | null;
  pmDueKey: string | null;
  version: number;
  createdBy: string;
  updatedBy: string;
  updatedAt: Date;
}

/** Row of `operations_portal.work_order` as pg returns it. */
export interface WorkOrderRecord {
  id: string;
  number: number;
  asset_id: string;
  site_id: string;
  title: string;
  description: string;
  kind: WorkOrderKind;
  priority: Priority;
  status: WorkOrderStatus;
  assignee_id: string | null;
  hold_reason: string | null;
  cancel_reason: string | null;
  opened_at: Date;
  response_due_at: Date;
  completion_due_at: Date;
  started_at: Date | null;
  on_hold_since: Date | null;
  hold_seconds: number;
  completed_at: Date | null;
  cancelled_at: Date | null;
  source: string | null;
  pm_schedule_id: string | null;
  pm_due_key: string | null;
  version: number;
  created_by: string;
  updated_by: string;
  updated_at: Date;
}

/** Maps a database row to the domain shape. */
export function toWorkOrder(r: WorkOrderRecord): WorkOrder {
  return {
    id: r.id,
    number: r.number,
    assetId: r.asset_id,
    siteId: r.site_id,
    title: r.title,
    description: r.description,
    kind: r.kind,
    priority: r.priority,
    status: r.status,
    assigneeId: r.assignee_id,
    holdReason: r.hold_reason,
    cancelReason: r.cancel_reason,
    openedAt: r.opened_at,
    responseDueAt: r.response_due_at,
    completionDueAt: r.completion_due_at,
    startedAt: r.started_at,
    onHoldSince: r.on_hold_since,
    holdSeconds: r.hold_seconds,
    completedAt: r.completed_at,
    cancelledAt: r.cancelled_at,
    source: r.source,
    pmScheduleId: r.pm_schedule_id,
    pmDueKey: r.pm_due_key,
    version: r.version,
    createdBy: r.created_by,
    updatedBy: r.updated_by,
    updatedAt: r.updated_at,
  };
}

/** Display number of a work order: WO-1042. */
export function workOrderLabel(order: Pick<WorkOrder, "number">): string {
  return `WO-${order.number}`;
}

/** Past its completion target and still open (derived, never stored). */
export function isBreached(order: Pick<WorkOrder, "status" | "completionDueAt" | "completedAt">, now: Date) {
  if (order.status === "cancelled") return false;
  if (order.status === "complete") return (order.completedAt ?? now) > order.completionDueAt;
  return now > order.completionDueAt;
}

/** One work order the viewer may see; NotFoundError otherwise (a technician's view of others' orders). */
export async function getWorkOrder(db: Queryable, viewer: Viewer, id: string): Promise<WorkOrder> {
  const visible = visibleWorkOrders(viewer, "w", 2);
  const { rows } = await db.query<WorkOrderRecord>(
    `select w.* from operations_portal.work_order w where w.id = $1 and ${visible.sql}`,
    [id, ...visible.params],
  );
  const row = rows[0];
  if (!row) throw new NotFoundError("No such work order, or it is not assigned to you; check the list.");
  return toWorkOrder(row);
}
