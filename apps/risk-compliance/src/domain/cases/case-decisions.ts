import { LakehouseError } from "@appbase/lakehouse";
import { GovernanceError, type GovernanceWriter } from "@appbase/lakehouse/governance";
import { FieldRuleError } from "@appbase/next-kit/errors";
import { z } from "zod";
import { governedCaseDecision } from "../../db/governed.ts";
import type { CaseMove } from "./lifecycle.ts";
import type { RiskCase } from "./risk-case.ts";

/** A case's disposition decision as silver holds it (one version per close or reopen). */
export const caseDecisionSchema = z.object({
  case_id: z.string(),
  case_number: z.coerce.number(),
  state: z.enum(["closed", "reopened"]),
  disposition: z.string().nullable(),
  proposed_by: z.string().nullable(),
  decided_by: z.string(),
  rationale: z.string(),
  decided_at: z.union([z.string(), z.date()]).transform((v) => new Date(v)),
  version: z.coerce.number(),
});
export type CaseDecision = z.infer<typeof caseDecisionSchema>;

/** The moves that decide a case's disposition, and so go through the Governance Writer. */
export function decides(move: CaseMove): boolean {
  return move === "approve" || move === "close" || move === "reopen";
}

/**
 * The governed row for a case after a deciding move (`before` is the case as the move found it,
 * `after` as it left it): closed with its disposition, or reopened.
 */
export function decisionRow(before: RiskCase, after: RiskCase, move: CaseMove, note: string | undefined) {
  const closed = after.status === "closed";
  return {
    case_id: after.id,
    case_number: after.number,
    state: closed ? "closed" : "reopened",
    disposition: closed ? after.disposition : null,
    proposed_by: move === "approve" ? before.proposedBy : null,
    decided_by: after.updatedBy,
    // Approve carries the proposer's rationale; close and reopen carry the actor's note.
    rationale: (move === "approve" ? before.proposalRationale : note?.trim()) ?? "",
    decided_at: after.updatedAt.toISOString(),
  };
}

/**
 * Records a decision through the Governance Writer: silver (the authority) commits it, Lakebase
 * serves it, bronze keeps the event. Throws when silver refused it, so the caller's case change
 * (still in its transaction) rolls back with it.
 */
export async function recordDecision(
  writer: GovernanceWriter,
  row: ReturnType<typeof decisionRow>,
): Promise<CaseDecision> {
  try {
    const result = await writer.write(governedCaseDecision, row, { actor: row.decided_by });
    return caseDecisionSchema.parse(result.row);
  } catch (error) {
    if (error instanceof GovernanceError && error.code === "SILVER_WRITE_FAILED") {
      throw new FieldRuleError(
        "move",
        `Nothing was saved: the lakehouse did not accept the decision (${(error.cause as Error | undefined)?.message ?? error.message}). Try again; if it keeps failing, check that the lakehouse is reachable.`,
      );
    }
    throw error;
  }
}

/** The case's decision as silver held it at `at` (null before its first decision). */
export async function decisionAsOf(
  writer: GovernanceWriter,
  caseId: string,
  at: Date,
): Promise<{ decision: CaseDecision | null; silverVersion: number | null }> {
  try {
    const { rows, silverVersion } = await writer.stateAsOf(governedCaseDecision, at, { case_id: caseId });
    return { decision: rows[0] ? caseDecisionSchema.parse(rows[0]) : null, silverVersion };
  } catch (error) {
    // Before silver's first commit nothing was decided, as Delta's TIMESTAMP AS OF says.
    if (error instanceof LakehouseError && error.code === "DELTA_TIMESTAMP_OUT_OF_RANGE")
      return { decision: null, silverVersion: null };
    throw error;
  }
}

/**
 * Every decision on the case, oldest first, from its bronze trail (one event per governed write;
 * the writer also reads events still waiting in its outbox, so a decision shows once recorded).
 */
export async function decisionHistory(writer: GovernanceWriter, caseId: string): Promise<CaseDecision[]> {
  const events = await writer.events(governedCaseDecision, { case_id: caseId });
  return events.map((e) => caseDecisionSchema.parse(e.row));
}
