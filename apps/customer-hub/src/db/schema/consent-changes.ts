import { sql } from "drizzle-orm";
import { boolean, check, index, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { customerHub } from "./customer-hub-schema.ts";

/**
 * Consent decisions a privacy officer records (a customer withdrew or granted a purpose). The latest
 * change per purpose overrides the synced gold flag until the pipeline catches up; never updated or deleted.
 */
export const consentChanges = customerHub.table(
  "consent_changes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    customerId: text("customer_id").notNull(),
    purpose: text("purpose", { enum: ["marketing", "analytics", "personalization", "profiling"] }).notNull(),
    granted: boolean("granted").notNull(),
    /** Why, e.g. "Customer withdrew by phone on 3 March"; the audit trail a regulator asks for. */
    reason: text("reason").notNull(),
    /** Client-generated key so a retried submit records the change once. */
    requestId: uuid("request_id").notNull().unique(),
    recordedBy: text("recorded_by").notNull(),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("consent_changes_customer_idx").on(t.customerId, t.purpose, t.recordedAt.desc()),
    check(
      "consent_changes_purpose_check",
      sql`${t.purpose} in ('marketing','analytics','personalization','profiling')`,
    ),
    check("consent_changes_reason_length_check", sql`char_length(${t.reason}) between 3 and 500`),
  ],
);

export type ConsentChangeRow = typeof consentChanges.$inferSelect;
