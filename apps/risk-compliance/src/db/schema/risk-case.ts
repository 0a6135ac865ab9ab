import { sql } from "drizzle-orm";
import { check, index, integer, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { riskCompliance } from "./risk-compliance-schema.ts";

const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * An investigation: new → investigating → pending_review → closed (reopenable). `version` guards
 * every edit; `audit_head`/`audit_seq` anchor the case's hash-chained audit trail, so deleting its
 * last event is detected too.
 */
export const riskCase = riskCompliance.table(
  "risk_case",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Short human number shown as CASE-1042. */
    number: integer("number").generatedAlwaysAsIdentity({ startWith: 1001 }).notNull().unique(),
    title: text("title").notNull(),
    status: text("status").notNull().default("new"),
    riskLevel: text("risk_level").notNull(),
    assignee: text("assignee"),
    disposition: text("disposition"),
    proposedDisposition: text("proposed_disposition"),
    proposalRationale: text("proposal_rationale"),
    proposedBy: text("proposed_by"),
    proposedAt: at("proposed_at"),
    closedBy: text("closed_by"),
    closedAt: at("closed_at"),
    reopenCount: integer("reopen_count").notNull().default(0),
    auditHead: text("audit_head").notNull().default(""),
    auditSeq: integer("audit_seq").notNull().default(0),
    version: integer("version").notNull().default(1),
    createdBy: text("created_by").notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
    updatedBy: text("updated_by").notNull(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [
    index("risk_case_status_idx").on(t.status, t.updatedAt),
    index("risk_case_assignee_idx").on(t.assignee, t.status),
    check("risk_case_status_check", sql`${t.status} in ('new','investigating','pending_review','closed')`),
    check("risk_case_risk_level_check", sql`${t.riskLevel} in ('low','medium','high','critical')`),
    check(
      "risk_case_disposition_check",
      sql`coalesce(${t.disposition}, 'confirmed_risk') in ('confirmed_risk','false_positive','no_action','escalated')
        and coalesce(${t.proposedDisposition}, 'confirmed_risk') in ('confirmed_risk','false_positive','no_action','escalated')`,
    ),
    check("risk_case_closed_check", sql`(${t.status} = 'closed') = (${t.disposition} is not null)`),
    check("risk_case_title_length_check", sql`char_length(${t.title}) between 1 and 200`),
    check("risk_case_rationale_length_check", sql`char_length(${t.proposalRationale}) <= 4000`),
  ],
);

export type RiskCaseRow = typeof riskCase.$inferSelect;
