import type { Queryable } from "@appbase/db";
import { FieldRuleError, NotFoundError } from "@appbase/next-kit/errors";
import type { Viewer } from "../access.ts";
import { OPEN_STATUSES } from "./lifecycle.ts";
import { getWorkOrder } from "./work-order.ts";

export interface ChecklistStep {
  id: string;
  position: number;
  label: string;
  done: boolean;
  doneBy: string | null;
  doneAt: Date | null;
}

/** A work order's checklist in order. */
export async function listChecklist(db: Queryable, workOrderId: string): Promise<ChecklistStep[]> {
  const { rows } = await db.query<{
    id: string;
    position: number;
    label: string;
    done: boolean;
    done_by: string | null;
    done_at: Date | null;
  }>(
    "select id, position, label, done, done_by, done_at from operations_portal.checklist_item where work_order_id = $1 order by position",
    [workOrderId],
  );
  return rows.map((r) => ({
    id: r.id,
    position: r.position,
    label: r.label,
    done: r.done,
    doneBy: r.done_by,
    doneAt: r.done_at,
  }));
}

/**
 * Ticks a checklist step on or off. The step must belong to the named order, which the viewer
 * must see and which must still be open; setting the same value twice is a no-op, not a second entry.
 */
export async function setChecklistStep(
  db: Queryable,
  input: { workOrderId: string; stepId: string; done: boolean; viewer: Viewer; at?: Date },
): Promise<ChecklistStep[]> {
  const order = await getWorkOrder(db, input.viewer, input.workOrderId);
  if (!OPEN_STATUSES.includes(order.status))
    throw new FieldRuleError("done", "The work order is closed; its checklist can no longer change.");
  const at = input.at ?? new Date();
  const { rows } = await db.query(
    `with step as (select * from operations_portal.checklist_item where id = $1 and work_order_id = $2),
          changed as (
            update operations_portal.checklist_item c
               set done = $3, done_by = case when $3 then $4 end, done_at = case when $3 then $5::timestamptz end
              from step where c.id = step.id and c.done <> $3
            returning c.label),
          logged as (
            insert into operations_portal.work_order_event (work_order_id, at, actor, field, old_value, new_value, version)
            select $2, $5, $4, 'checklist', jsonb_build_object('step', label, 'done', not $3),
                   jsonb_build_object('step', label, 'done', $3), $6 from changed)
     select 1 from step`,
    [input.stepId, input.workOrderId, input.done, input.viewer.email, at, order.version],
  );
  if (rows.length === 0)
    throw new NotFoundError("That checklist step is not on this work order; reload the page.");
  return listChecklist(db, input.workOrderId);
}
