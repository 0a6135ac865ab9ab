import type { Queryable } from "@appbase/db";
import { FieldRuleError } from "@appbase/next-kit/errors";
import type { Viewer } from "../access.ts";
import { OPEN_STATUSES } from "./lifecycle.ts";
import { assertFresh } from "./move-work-order.ts";
import { type Priority, targetsFor } from "./priority.ts";
import { assertTechnician } from "./technicians.ts";
import { updateWorkOrder } from "./versioned-update.ts";
import { getWorkOrder, type WorkOrder } from "./work-order.ts";

interface Planning {
  id: string;
  expectedVersion: number;
  viewer: Viewer;
  at?: Date;
}

/** Assigns (or unassigns, with null) a technician to a work order that is still open. */
export async function assignWorkOrder(
  db: Queryable,
  input: Planning & { assigneeId: string | null },
): Promise<WorkOrder> {
  const current = await getWorkOrder(db, input.viewer, input.id);
  assertFresh(current, input.expectedVersion);
  if (!OPEN_STATUSES.includes(current.status))
    throw new FieldRuleError("assigneeId", "A closed work order cannot be reassigned.");
  if (input.assigneeId) await assertTechnician(db, input.assigneeId);
  return updateWorkOrder(db, {
    ...input,
    actor: input.viewer.email,
    changes: { assignee_id: input.assigneeId },
  });
}

/** Changes the priority of an open work order; its response and completion targets follow. */
export async function reprioritizeWorkOrder(
  db: Queryable,
  input: Planning & { priority: Priority },
): Promise<WorkOrder> {
  const current = await getWorkOrder(db, input.viewer, input.id);
  assertFresh(current, input.expectedVersion);
  if (!OPEN_STATUSES.includes(current.status))
    throw new FieldRuleError("priority", "A closed work order keeps the priority it closed with.");
  const targets = targetsFor(input.priority, current.openedAt);
  return updateWorkOrder(db, {
    ...input,
    actor: input.viewer.email,
    changes: {
      priority: input.priority,
      response_due_at: targets.responseDueAt,
      completion_due_at: targets.completionDueAt,
    },
  });
}
