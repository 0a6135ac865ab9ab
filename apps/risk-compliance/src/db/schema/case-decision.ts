import { bigint, integer, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { riskCompliance } from "./risk-compliance-schema.ts";

/**
 * A case's current disposition decision, governed (ARCHITECTURE.md "State authority"): silver in the
 * lakehouse is the authority, the Governance Writer is the only writer, this Lakebase copy serves
 * reads, and every version is a bronze event. Scalar columns only, so silver's declaration derives
 * from this one. History "as of" a time is read from silver's versions.
 */
export const caseDecision = riskCompliance.table("case_decision", {
  caseId: uuid("case_id").primaryKey(),
  caseNumber: integer("case_number").notNull(),
  /** `closed` with a disposition, or `reopened` (the earlier disposition no longer stands). */
  state: text("state").notNull(),
  disposition: text("disposition"),
  /** Who proposed the closure, when a second person approved it (four-eyes); else null. */
  proposedBy: text("proposed_by"),
  decidedBy: text("decided_by").notNull(),
  rationale: text("rationale").notNull(),
  decidedAt: timestamp("decided_at", { withTimezone: true, mode: "string" }).notNull(),
  version: bigint("version", { mode: "number" }).notNull(),
});

export type CaseDecisionRow = typeof caseDecision.$inferSelect;
