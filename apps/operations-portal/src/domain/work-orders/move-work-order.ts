import type { Queryable } from "@appbase/db";
import { ConflictError, FieldRuleError } from "@appbase/next-kit/errors";
import type { Viewer } from "../access.ts";
import { assertTransition, STATUS_LABELS, type WorkOrderStatus } from "./lifecycle.ts";
import { updateWorkOrder, type WorkOrderChanges } from "./versioned-update.ts";
import { getWorkOrder, type WorkOrder } from "./work-order.ts";

export interface MoveWorkOrder {
  id: string;
  to: WorkOrderStatus;
  reason?: string | undefined;
  expectedVersion: number;
  viewer: Viewer;
  at?: Date;
}

/** Throws the conflict a stale copy of `current` gets. */
export function assertFresh(current: WorkOrder, expectedVersion: number): void {
  if (current.version === expectedVersion) return;
  throw new ConflictError(
    `${current.updatedBy} changed this work order meanwhile (it is now ${STATUS_LABELS[current.status]}, version ${current.version}); review it and try again.`,
    current,
  );
}

/**
 * Moves a work order along its lifecycle: only allowed moves, a reason for on hold and cancel, an
 * assignee before work starts, every checklist step done before completion; hold time is summed.
 */
export async function moveWorkOrder(db: Queryable, move: MoveWorkOrder): Promise<WorkOrder> {
  const at = move.at ?? new Date();
  const current = await getWorkOrder(db, move.viewer, move.id);
  assertFresh(current, move.expectedVersion);
  assertTransition(current.status, move.to, move.reason);
  const changes: WorkOrderChanges = { status: move.to };
  const heldSeconds = current.onHoldSince
    ? Math.max(0, Math.round((at.getTime() - current.onHoldSince.getTime()) / 1000))
    : 0;
  if (current.status === "on_hold") {
    changes.hold_seconds = current.holdSeconds + heldSeconds;
    changes.on_hold_since = null;
    changes.hold_reason = null;
  }
  if (move.to === "in_progress") {
    if (!current.assigneeId)
      throw new FieldRuleError("assigneeId", "Assign a technician before work starts.");
    if (!current.startedAt) changes.started_at = at;
  }
  if (move.to === "on_hold") {
    changes.on_hold_since = at;
    changes.hold_reason = move.reason?.trim() ?? null;
  }
  if (move.to === "complete") {
    const open = await openChecklistSteps(db, move.id);
    if (open > 0)
      throw new FieldRuleError(
        "status",
        `${open} checklist step${open === 1 ? " is" : "s are"} not done; tick them off before completing.`,
      );
    changes.completed_at = at;
  }
  if (move.to === "cancelled") {
    changes.cancelled_at = at;
    changes.cancel_reason = move.reason?.trim() ?? null;
  }
  return updateWorkOrder(db, {
    id: move.id,
    expectedVersion: move.expectedVersion,
    actor: move.viewer.email,
    viewer: move.viewer,
    changes,
    at,
  });
}

async function openChecklistSteps(db: Queryable, workOrderId: string): Promise<number> {
  const { rows } = await db.query<{ open: number }>(
    "select count(*)::int as open from operations_portal.checklist_item where work_order_id = $1 and not done",
    [workOrderId],
  );
  return rows[0]?.open ?? 0;
}
