import type { Queryable } from "@appbase/db";
import { rowOf } from "@appbase/db";
import { type AuditEventRow, auditEvent } from "../../db/schema/audit-event.ts";

/** A case's audit events, in chain order. */
export async function auditTrail(db: Queryable, caseId: string): Promise<AuditEventRow[]> {
  const { rows } = await db.query(
    "select * from risk_compliance.audit_event where case_id = $1 order by seq",
    [caseId],
  );
  return rows.map((r) => rowOf(auditEvent, r));
}
