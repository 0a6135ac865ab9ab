import { sql } from "drizzle-orm";
import { check, index, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { riskCase } from "./risk-case.ts";
import { riskCompliance } from "./risk-compliance-schema.ts";

/**
 * Triage outcomes another kit's agent filed (POST /api/intake/triage), once per idempotency key: what
 * was asked, by which app for which thread, and the case it opened. A retried call finds its row here.
 */
export const triageFiling = riskCompliance.table(
  "triage_filing",
  {
    idempotencyKey: text("idempotency_key").primaryKey(),
    /** The kit whose thread filed it (`agent-ops`), and the thread: the case page links back to it. */
    sourceKit: text("source_kit").notNull(),
    sourceThreadId: text("source_thread_id").notNull(),
    entityId: text("entity_id").notNull(),
    action: text("action").notNull(),
    /** The served alert ids named (`risk.alerts.alert_id`), sorted. */
    alertIds: text("alert_ids").array().notNull(),
    reason: text("reason").notNull(),
    caseId: uuid("case_id").references(() => riskCase.id),
    filedBy: text("filed_by").notNull(),
    filedAt: timestamp("filed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("triage_filing_case_idx").on(t.caseId),
    check("triage_filing_action_check", sql`${t.action} in ('escalate','monitor','dismiss')`),
    check("triage_filing_reason_length_check", sql`char_length(${t.reason}) <= 500`),
  ],
);

export type TriageFilingRow = typeof triageFiling.$inferSelect;
