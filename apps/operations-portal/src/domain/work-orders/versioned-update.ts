import type { Queryable } from "@appbase/db";
import { ConflictError } from "@appbase/next-kit/errors";
import { type Viewer, visibleWorkOrders } from "../access.ts";
import { STATUS_LABELS } from "./lifecycle.ts";
import { getWorkOrder, toWorkOrder, type WorkOrder, type WorkOrderRecord } from "./work-order.ts";

/** The columns a change may set, with their SQL types; each changed one becomes a history entry. */
const CHANGEABLE = {
  status: "text",
  assignee_id: "text",
  priority: "text",
  title: "text",
  description: "text",
  hold_reason: "text",
  cancel_reason: "text",
  started_at: "timestamptz",
  on_hold_since: "timestamptz",
  hold_seconds: "int",
  completed_at: "timestamptz",
  cancelled_at: "timestamptz",
  response_due_at: "timestamptz",
  completion_due_at: "timestamptz",
} as const;

export type WorkOrderChanges = Partial<Record<keyof typeof CHANGEABLE, string | number | Date | null>>;

export interface VersionedUpdate {
  id: string;
  expectedVersion: number;
  actor: string;
  viewer: Viewer;
  changes: WorkOrderChanges;
  at?: Date;
}

/**
 * Applies `changes` only if the order is still at `expectedVersion` and visible to the viewer.
 * The update and one history row per changed field are a single statement, so history never
 * misses a change; a stale version is a ConflictError carrying what is there now.
 */
export async function updateWorkOrder(db: Queryable, update: VersionedUpdate): Promise<WorkOrder> {
  const columns = Object.keys(update.changes) as (keyof typeof CHANGEABLE)[];
  const at = update.at ?? new Date();
  const params: unknown[] = [update.id, update.expectedVersion, update.actor, at];
  const sets = columns.map((column) => {
    params.push(update.changes[column]);
    return `${column} = $${params.length}::${CHANGEABLE[column]}`;
  });
  const visible = visibleWorkOrders(update.viewer, "w", params.length + 1);
  params.push(...visible.params);
  const fields = columns.map((c) => `('${c}', to_jsonb(o.${c}), to_jsonb(c.${c}))`).join(", ");
  const { rows } = await db.query<WorkOrderRecord>(
    `with cur as (select w.* from operations_portal.work_order w where w.id = $1 and ${visible.sql}),
          changed as (
            update operations_portal.work_order w
               set ${[...sets, "version = w.version + 1", "updated_by = $3", "updated_at = $4"].join(", ")}
              from cur where w.id = cur.id and w.version = $2
            returning w.*),
          logged as (
            insert into operations_portal.work_order_event (work_order_id, at, actor, field, old_value, new_value, version)
            select c.id, $4, $3, f.field, f.old, f.new, c.version
              from changed c join cur o on o.id = c.id
              cross join lateral (values ${fields || "(null::text, null::jsonb, null::jsonb)"}) f(field, old, new)
             where f.field is not null and f.old is distinct from f.new)
     select * from changed`,
    params,
  );
  const row = rows[0];
  if (row) return toWorkOrder(row);
  const now = await getWorkOrder(db, update.viewer, update.id);
  throw new ConflictError(
    `${now.updatedBy} changed this work order meanwhile (it is now ${STATUS_LABELS[now.status]}, version ${now.version}); review it and try again.`,
    now,
  );
}
