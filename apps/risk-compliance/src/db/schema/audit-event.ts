import { bigserial, index, integer, jsonb, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { riskCompliance } from "./risk-compliance-schema.ts";

/**
 * Append-only audit trail of a case, one hash chain per case: `hash` = SHA-256 of the previous
 * event's hash and this event's canonical content (domain/audit/audit-hash.ts). Written in the same
 * transaction as the change it records.
 */
export const auditEvent = riskCompliance.table(
  "audit_event",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    caseId: uuid("case_id").notNull(),
    /** 1, 2, 3 ... within the case; a gap is a deleted event. */
    seq: integer("seq").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
    actor: text("actor").notNull(),
    action: text("action").notNull(),
    field: text("field"),
    previousValue: jsonb("previous_value"),
    newValue: jsonb("new_value"),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [unique("audit_event_case_seq_key").on(t.caseId, t.seq), index("audit_event_at_idx").on(t.at)],
);

export type AuditEventRow = typeof auditEvent.$inferSelect;
