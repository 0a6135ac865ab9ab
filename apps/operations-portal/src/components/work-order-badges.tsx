import { StatusBadge, type Tone } from "@appbase/ui/badges";
import { STATUS_LABELS, type WorkOrderStatus } from "../domain/work-orders/lifecycle.ts";
import type { Priority } from "../domain/work-orders/priority.ts";
import { isBreached, type WorkOrder } from "../domain/work-orders/work-order.ts";

const STATUS_TONE: Record<WorkOrderStatus, Tone> = {
  open: "info",
  in_progress: "warning",
  on_hold: "neutral",
  complete: "success",
  cancelled: "neutral",
};
const PRIORITY_TONE: Record<Priority, Tone> = {
  urgent: "danger",
  high: "warning",
  medium: "info",
  low: "neutral",
};

/** The order's lifecycle state. */
export function WorkOrderStatusBadge({ status }: { status: WorkOrderStatus }) {
  return <StatusBadge tone={STATUS_TONE[status]}>{STATUS_LABELS[status]}</StatusBadge>;
}

/** The order's priority. */
export function PriorityBadge({ priority }: { priority: Priority }) {
  return <StatusBadge tone={PRIORITY_TONE[priority]}>{priority}</StatusBadge>;
}

/** "Breached" (past the completion target), "late" for a late completion, nothing otherwise. */
export function TargetBadge({
  order,
  now,
}: {
  order: Pick<WorkOrder, "status" | "completionDueAt" | "completedAt">;
  now: Date;
}) {
  if (!isBreached(order, now)) return null;
  return (
    <StatusBadge tone="danger">{order.status === "complete" ? "completed late" : "breached"}</StatusBadge>
  );
}
