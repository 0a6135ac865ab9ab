import type { Queryable } from "@appbase/db";

export interface HistoryEntry {
  at: Date;
  actor: string;
  field: string;
  oldValue: unknown;
  newValue: unknown;
  version: number;
}

/** Who changed what on a work order, newest first (read after `getWorkOrder` checked visibility). */
export async function workOrderHistory(db: Queryable, workOrderId: string): Promise<HistoryEntry[]> {
  const { rows } = await db.query<{
    at: Date;
    actor: string;
    field: string;
    old_value: unknown;
    new_value: unknown;
    version: number;
  }>(
    `select at, actor, field, old_value, new_value, version from operations_portal.work_order_event
      where work_order_id = $1 order by id desc`,
    [workOrderId],
  );
  return rows.map((r) => ({
    at: r.at,
    actor: r.actor,
    field: r.field,
    oldValue: r.old_value,
    newValue: r.new_value,
    version: r.version,
  }));
}
