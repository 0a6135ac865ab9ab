import { FieldRuleError } from "@appbase/next-kit/errors";

/** Work-order states: Open → In progress ⇄ On hold → Complete, or Cancelled from any open state. */
export const WORK_ORDER_STATUSES = ["open", "in_progress", "on_hold", "complete", "cancelled"] as const;
export type WorkOrderStatus = (typeof WORK_ORDER_STATUSES)[number];

export const STATUS_LABELS: Record<WorkOrderStatus, string> = {
  open: "Open",
  in_progress: "In progress",
  on_hold: "On hold",
  complete: "Complete",
  cancelled: "Cancelled",
};

/** Allowed moves; complete and cancelled are terminal. */
export const TRANSITIONS: Record<WorkOrderStatus, readonly WorkOrderStatus[]> = {
  open: ["in_progress", "cancelled"],
  in_progress: ["on_hold", "complete", "cancelled"],
  on_hold: ["in_progress", "cancelled"],
  complete: [],
  cancelled: [],
};

/** Moves that must say why (shown to whoever picks the order up next). */
export const REASON_REQUIRED: readonly WorkOrderStatus[] = ["on_hold", "cancelled"];

export const REASON_MAX = 500;

/** Statuses in which work is still owed (the backlog). */
export const OPEN_STATUSES: readonly WorkOrderStatus[] = ["open", "in_progress", "on_hold"];

/** Throws a field error on `status` naming the allowed moves, or on `reason` when one is missing. */
export function assertTransition(
  from: WorkOrderStatus,
  to: WorkOrderStatus,
  reason: string | undefined,
): void {
  if (!TRANSITIONS[from].includes(to)) {
    const allowed = TRANSITIONS[from].map((s) => STATUS_LABELS[s]).join(" or ");
    throw new FieldRuleError(
      "status",
      allowed
        ? `A work order that is ${STATUS_LABELS[from]} cannot move to ${STATUS_LABELS[to]}; next it can go to ${allowed}.`
        : `A work order that is ${STATUS_LABELS[from]} is closed and cannot move to ${STATUS_LABELS[to]}.`,
    );
  }
  if (REASON_REQUIRED.includes(to) && !reason?.trim()) {
    throw new FieldRuleError("reason", `Say why the work order is ${STATUS_LABELS[to].toLowerCase()}.`);
  }
}
