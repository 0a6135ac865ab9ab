import type { Queryable } from "@appbase/db";
import { type AuditContent, auditHash, GENESIS_HASH } from "./audit-hash.ts";

/** One change to record: what happened, and the field's value before and after (when a field changed). */
export interface AuditEntry {
  action: string;
  field?: string;
  previousValue?: unknown;
  newValue?: unknown;
}

/**
 * Appends `entries` to the case's hash chain and moves the case's anchor (head hash, count).
 * Call inside the transaction that changed the case: the case row is locked here (`for update`),
 * so two changes to one case cannot fork its chain.
 */
export async function recordAudit(
  tx: Queryable,
  input: { caseId: string; actor: string; at?: Date; entries: readonly AuditEntry[] },
): Promise<void> {
  if (input.entries.length === 0) return;
  const { rows } = await tx.query<{ audit_head: string; audit_seq: number }>(
    "select audit_head, audit_seq from risk_compliance.risk_case where id = $1 for update",
    [input.caseId],
  );
  const anchor = rows[0];
  if (!anchor) throw new Error(`Case ${input.caseId} does not exist; nothing to audit.`);
  let prevHash = anchor.audit_seq === 0 ? GENESIS_HASH : anchor.audit_head;
  let seq = anchor.audit_seq;
  const at = input.at ?? new Date();
  for (const entry of input.entries) {
    seq += 1;
    const content: AuditContent = {
      caseId: input.caseId,
      seq,
      at,
      actor: input.actor,
      action: entry.action,
      field: entry.field ?? null,
      previousValue: entry.previousValue ?? null,
      newValue: entry.newValue ?? null,
    };
    const hash = auditHash(prevHash, content);
    await tx.query(
      `insert into risk_compliance.audit_event (case_id, seq, at, actor, action, field, previous_value, new_value, prev_hash, hash)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        input.caseId,
        seq,
        at,
        input.actor,
        entry.action,
        content.field,
        JSON.stringify(content.previousValue),
        JSON.stringify(content.newValue),
        prevHash,
        hash,
      ],
    );
    prevHash = hash;
  }
  await tx.query("update risk_compliance.risk_case set audit_head = $2, audit_seq = $3 where id = $1", [
    input.caseId,
    prevHash,
    seq,
  ]);
}
