import type { Queryable } from "@appbase/db";
import { FieldRuleError } from "@appbase/next-kit/errors";
import type { Viewer } from "../access.ts";
import { OPEN_STATUSES } from "./lifecycle.ts";
import { getWorkOrder } from "./work-order.ts";

export type WorkLogEntry =
  | { entry: "part"; partNumber: string; quantity: number; note: string }
  | { entry: "time"; minutes: number; note: string };

export interface WorkLogLine {
  id: string;
  entry: "part" | "time";
  partNumber: string;
  quantity: number | null;
  minutes: number | null;
  note: string;
  recordedBy: string;
  recordedAt: Date;
}

/** Parts and time recorded on a work order, oldest first. */
export async function listWorkLog(db: Queryable, workOrderId: string): Promise<WorkLogLine[]> {
  const { rows } = await db.query<{
    id: string;
    entry: "part" | "time";
    part_number: string;
    quantity: number | null;
    minutes: number | null;
    note: string;
    recorded_by: string;
    recorded_at: Date;
  }>("select * from operations_portal.work_log where work_order_id = $1 order by recorded_at, id", [
    workOrderId,
  ]);
  return rows.map((r) => ({
    id: r.id,
    entry: r.entry,
    partNumber: r.part_number,
    quantity: r.quantity,
    minutes: r.minutes,
    note: r.note,
    recordedBy: r.recorded_by,
    recordedAt: r.recorded_at,
  }));
}

/**
 * Records a part used or time spent on an open work order the viewer sees. `requestId` makes a
 * retried submit land once; the entry and its history row are one statement.
 */
export async function recordWork(
  db: Queryable,
  input: { workOrderId: string; requestId: string; viewer: Viewer; at?: Date } & WorkLogEntry,
): Promise<WorkLogLine[]> {
  const order = await getWorkOrder(db, input.viewer, input.workOrderId);
  if (!OPEN_STATUSES.includes(order.status))
    throw new FieldRuleError("_form", "The work order is closed; parts and time can no longer be added.");
  const part = input.entry === "part" ? input : null;
  const time = input.entry === "time" ? input : null;
  await db.query(
    `with added as (
       insert into operations_portal.work_log (work_order_id, entry, part_number, quantity, minutes, note, request_id, recorded_by, recorded_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       on conflict (request_id) do nothing
       returning *)
     insert into operations_portal.work_order_event (work_order_id, at, actor, field, old_value, new_value, version)
     select work_order_id, recorded_at, recorded_by, case entry when 'part' then 'parts' else 'time' end, null,
            jsonb_strip_nulls(jsonb_build_object('part_number', nullif(part_number, ''), 'quantity', quantity, 'minutes', minutes, 'note', nullif(note, ''))),
            $10
       from added`,
    [
      input.workOrderId,
      input.entry,
      part?.partNumber.trim() ?? "",
      part?.quantity ?? null,
      time?.minutes ?? null,
      input.note.trim(),
      input.requestId,
      input.viewer.email,
      input.at ?? new Date(),
      order.version,
    ],
  );
  return listWorkLog(db, input.workOrderId);
}
