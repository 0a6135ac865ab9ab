import { type Queryable, rowOf } from "@appbase/db";
import { type ActivityRow, activity } from "../../db/schema/activity.ts";

/** One entry of a customer's history: who did what, when. */
export type ActivityEntry = ActivityRow;

/** The most recent history of a customer, newest first. */
export async function listActivity(db: Queryable, customerId: string, limit = 50): Promise<ActivityEntry[]> {
  const { rows } = await db.query(
    "select * from customer_hub.activity where customer_id = $1 order by at desc, id desc limit $2",
    [customerId, limit],
  );
  return rows.map((row) => rowOf(activity, row));
}

/** A person-readable sentence for an entry, e.g. "moved status from new to contacted". */
export function describeActivity(entry: ActivityEntry): string {
  const d = entry.detail;
  switch (entry.action) {
    case "status.changed":
      return `moved status from ${String(d.from)} to ${String(d.to)}`;
    case "note.added":
      return `added a note: “${String(d.excerpt)}”`;
    case "note.edited":
      return `edited a note (version ${String(d.version)}): “${String(d.excerpt)}”`;
    case "note.deleted":
      return `deleted a note: “${String(d.excerpt)}”`;
    case "task.created":
      return `created task “${String(d.title)}” for ${String(d.assignee)}, due ${String(d.due)}`;
    case "task.completed":
      return `completed task “${String(d.title)}”`;
    case "consent.changed":
      return `recorded ${String(d.purpose)} consent as ${d.granted ? "granted" : "withdrawn"}: “${String(d.reason)}”`;
    default:
      return entry.action;
  }
}
