import type { Queryable } from "@appbase/db";
import { rowOf } from "@appbase/db";
import { alert } from "../../db/schema/alert.ts";
import type { Alert } from "./alert-queue.ts";

export type AlertView = "open" | "mine" | "breached" | "snoozed" | "closed";

/** The queue as a person sees it: open alerts most urgent first (or one of the other views). */
export async function listAlerts(
  db: Queryable,
  input: { view: AlertView; viewer: string; limit?: number },
): Promise<Alert[]> {
  const where: Record<AlertView, string> = {
    open: "status in ('new','claimed') and (snoozed_until is null or snoozed_until <= now())",
    mine: "status = 'claimed' and claimed_by = $1",
    breached: "status in ('new','claimed') and due_at < now()",
    snoozed: "status = 'new' and snoozed_until > now()",
    closed: "status in ('dismissed','escalated','merged')",
  };
  const { rows } = await db.query(
    `select * from risk_compliance.alert where ${where[input.view]} and $1::text is not null
     order by ${input.view === "closed" ? "closed_at desc" : "priority, due_at, created_at"} limit $2`,
    [input.viewer, input.limit ?? 200],
  );
  return rows.map((r) => rowOf(alert, r));
}

/** The alerts escalated to or merged into a case. */
export async function alertsOfCase(db: Queryable, caseId: string): Promise<Alert[]> {
  const { rows } = await db.query(
    "select * from risk_compliance.alert where case_id = $1 order by closed_at",
    [caseId],
  );
  return rows.map((r) => rowOf(alert, r));
}
