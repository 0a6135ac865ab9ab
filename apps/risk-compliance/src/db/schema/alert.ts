import { queueColumns } from "@appbase/queue/columns";
import { sql } from "drizzle-orm";
import { check, doublePrecision, index, integer, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { riskCompliance } from "./risk-compliance-schema.ts";

/**
 * The analysts' alert queue (@appbase/queue): a monitoring rule fired on an entity. One unclosed
 * alert per dedup key (rule, entity, day); a repeat signal bumps `duplicate_count`.
 */
export const alert = riskCompliance.table(
  "alert",
  {
    ...queueColumns("new"),
    dedupKey: text("dedup_key").notNull(),
    /** The synced alert this one was raised from (`risk.alerts.alert_id`), when it came from gold. */
    sourceAlertId: text("source_alert_id").unique(),
    entityId: text("entity_id").notNull(),
    ruleId: text("rule_id").notNull(),
    ruleName: text("rule_name").notNull(),
    severity: text("severity").notNull(),
    /** 1 (critical) .. 4 (low): claim order. */
    priority: integer("priority").notNull(),
    score: doublePrecision("score").notNull(),
    resolution: text("resolution"),
    resolutionNote: text("resolution_note"),
    /** The case the alert was escalated to or merged into. */
    caseId: uuid("case_id"),
  },
  (t) => [
    uniqueIndex("alert_open_dedup_key").on(t.dedupKey).where(sql`status in ('new', 'claimed')`),
    index("alert_claim_order_idx").on(t.status, t.priority, t.dueAt),
    index("alert_entity_idx").on(t.entityId, t.status),
    index("alert_case_idx").on(t.caseId),
    index("alert_created_idx").on(t.createdAt),
    // Keyset pages of the queue's views (domain/alerts/list-alerts.ts): the claim order of open alerts,
    // a claimant's own, and closed ones newest first; a page reads its rows and stops.
    index("alert_open_page_idx")
      .on(t.priority, sql`coalesce(${t.dueAt}, 'infinity'::timestamptz)`, t.createdAt, t.id)
      .where(sql`status in ('new', 'claimed')`),
    index("alert_claimed_page_idx")
      .on(t.claimedBy, t.priority, sql`coalesce(${t.dueAt}, 'infinity'::timestamptz)`, t.createdAt, t.id)
      .where(sql`status = 'claimed'`),
    index("alert_closed_page_idx")
      .on(sql`coalesce(${t.closedAt}, 'infinity'::timestamptz)`, t.id)
      .where(sql`status in ('dismissed', 'escalated', 'merged')`),
    check("alert_status_check", sql`${t.status} in ('new','claimed','dismissed','escalated','merged')`),
    check("alert_severity_check", sql`${t.severity} in ('low','medium','high','critical')`),
    check(
      "alert_resolution_check",
      sql`${t.resolution} is null or ${t.resolution} in ('false_positive','benign','duplicate','not_applicable')`,
    ),
    check("alert_resolution_note_length_check", sql`char_length(${t.resolutionNote}) <= 2000`),
    check("alert_case_check", sql`${t.status} not in ('escalated','merged') or ${t.caseId} is not null`),
  ],
);

export type AlertRow = typeof alert.$inferSelect;
