import { sql } from "drizzle-orm";
import { boolean, check, date, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { riskCompliance } from "./risk-compliance-schema.ts";

/**
 * Every version of every policy: the synced gold policy is one version; a compliance officer may
 * publish newer ones. Exactly one version per policy is current (the newest published).
 */
export const policyVersion = riskCompliance.table(
  "policy_version",
  {
    policyId: text("policy_id").notNull(),
    version: text("version").notNull(),
    title: text("title").notNull(),
    category: text("category").notNull(),
    /** `global` or a region (EMEA, Americas, APAC). */
    jurisdiction: text("jurisdiction").notNull(),
    effectiveDate: date("effective_date", { mode: "string" }).notNull(),
    body: text("body").notNull(),
    isCurrent: boolean("is_current").notNull().default(false),
    publishedBy: text("published_by").notNull(),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.policyId, t.version] }),
    uniqueIndex("policy_version_one_current").on(t.policyId).where(sql`${t.isCurrent}`),
    check("policy_version_title_length_check", sql`char_length(${t.title}) between 1 and 200`),
    check("policy_version_body_length_check", sql`char_length(${t.body}) between 1 and 100000`),
    check("policy_version_version_check", sql`${t.version} ~ '^[0-9]+(\\.[0-9]+){0,2}$'`),
  ],
);

export type PolicyVersionRow = typeof policyVersion.$inferSelect;
