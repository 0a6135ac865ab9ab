import type { Queryable } from "@appbase/db";
import { auditHash, GENESIS_HASH } from "./audit-hash.ts";

/** Where a case's chain breaks: the first event that does not check out, or the anchor on the case row. */
export interface AuditBreak {
  caseId: string;
  caseNumber: number;
  /** The audit_event row id (null when the break is a missing event or the case's anchor). */
  eventId: number | null;
  seq: number;
  reason: string;
}

export interface AuditVerification {
  ok: boolean;
  casesChecked: number;
  eventsChecked: number;
  /** First break per broken case, in case order. */
  breaks: AuditBreak[];
}

interface EventRow {
  id: string;
  case_id: string;
  seq: number;
  at: Date;
  actor: string;
  action: string;
  field: string | null;
  previous_value: unknown;
  new_value: unknown;
  prev_hash: string;
  hash: string;
}

/** Checks one case's events (in seq order) against its anchor; returns the first break or null. */
export function firstBreak(
  kase: { id: string; number: number; audit_head: string; audit_seq: number },
  events: readonly EventRow[],
): AuditBreak | null {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  const at = (e: EventRow | null, seq: number, reason: string): AuditBreak => ({
    caseId: kase.id,
    caseNumber: kase.number,
    eventId: e ? Number(e.id) : null,
    seq,
    reason,
  });
  for (const e of events) {
    if (e.seq !== expectedSeq)
      return at(e, expectedSeq, `event ${expectedSeq} is missing (next is ${e.seq}): deleted`);
    if (e.prev_hash !== prevHash) return at(e, e.seq, "its previous-hash does not match the event before it");
    const recomputed = auditHash(prevHash, {
      caseId: e.case_id,
      seq: e.seq,
      at: e.at,
      actor: e.actor,
      action: e.action,
      field: e.field,
      previousValue: e.previous_value,
      newValue: e.new_value,
    });
    if (recomputed !== e.hash) return at(e, e.seq, "its content does not match its hash: edited");
    prevHash = e.hash;
    expectedSeq += 1;
  }
  if (kase.audit_seq !== expectedSeq - 1) {
    return at(
      null,
      expectedSeq,
      `the case records ${kase.audit_seq} events but ${expectedSeq - 1} are present: deleted from the end`,
    );
  }
  if (kase.audit_seq > 0 && kase.audit_head !== prevHash) {
    return at(null, expectedSeq - 1, "the case's anchor does not match its last event");
  }
  return null;
}

/**
 * Recomputes every hash chain (or one case's) and names the first broken row of each case:
 * an edited event, a deleted one, or a truncated tail.
 */
export async function verifyAudit(
  db: Queryable,
  options: { caseId?: string } = {},
): Promise<AuditVerification> {
  const cases = await db.query<{ id: string; number: number; audit_head: string; audit_seq: number }>(
    `select id, number, audit_head, audit_seq from risk_compliance.risk_case
     where $1::uuid is null or id = $1 order by number`,
    [options.caseId ?? null],
  );
  const events = await db.query<EventRow>(
    `select * from risk_compliance.audit_event where $1::uuid is null or case_id = $1 order by case_id, seq`,
    [options.caseId ?? null],
  );
  const byCase = new Map<string, EventRow[]>();
  for (const e of events.rows) {
    const list = byCase.get(e.case_id) ?? [];
    list.push(e);
    byCase.set(e.case_id, list);
  }
  const breaks: AuditBreak[] = [];
  for (const kase of cases.rows) {
    const broken = firstBreak(kase, byCase.get(kase.id) ?? []);
    if (broken) breaks.push(broken);
  }
  return {
    ok: breaks.length === 0,
    casesChecked: cases.rows.length,
    eventsChecked: events.rows.length,
    breaks,
  };
}
