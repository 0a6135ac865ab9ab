import type { TransactionalDb as Database } from "@appbase/db";
import type { GovernanceWriter } from "@appbase/lakehouse/governance";
import { ConflictError, FieldRuleError, NotFoundError } from "@appbase/next-kit/errors";
import type { CaseMove } from "./lifecycle.ts";
import { type CaseMoveInput, moveCase, ON_REVIEW_BRANCH } from "./move-case.ts";
import { caseLabel, getCase } from "./risk-case.ts";

/**
 * Working a case set on a branch: the reviewer's decisions run on the branch (main untouched), the
 * branch's row diff shows what they did, and applying replays them on main in order, through the
 * same lifecycle rules and the Governance Writer.
 */
export interface ReviewPlan {
  caseIds: string[];
  decisions: BranchDecision[];
}

/** One move made on the branch, at the case version it was made on (main's, until the branch moved it). */
export type BranchDecision = Omit<CaseMoveInput, "at">;

export interface ReplayOutcome {
  applied: { caseId: string; move: CaseMove }[];
  /** Decisions main refused (the case changed there since the branch was opened): never overwritten. */
  conflicts: { caseId: string; move: CaseMove; reason: string }[];
}

/** The case set of a new review: every case must exist (on the branch, which is main's copy). */
export async function planReview(db: Database, caseIds: readonly string[]): Promise<ReviewPlan> {
  const unique = [...new Set(caseIds)];
  for (const id of unique) {
    await getCase(db, id).catch(() => {
      throw new FieldRuleError("caseIds", `Case ${id} does not exist; reload the list and pick again.`);
    });
  }
  return { caseIds: unique, decisions: [] };
}

/** Makes one decision on the branch (a case of this review only) and returns the plan recording it. */
export async function decideOnBranch(
  branch: Database,
  plan: ReviewPlan,
  decision: BranchDecision,
): Promise<ReviewPlan> {
  if (!plan.caseIds.includes(decision.caseId))
    throw new NotFoundError("That case is not part of this review; open it from the review's list.");
  await moveCase(branch, decision, ON_REVIEW_BRANCH);
  return { ...plan, decisions: [...plan.decisions, decision] };
}

/**
 * Replays the branch's decisions on main in the order they were made. A decision main refuses
 * (the case moved on there) is a conflict, and that case's later decisions are skipped.
 */
export async function replayDecisions(
  main: Database,
  plan: ReviewPlan,
  governance: { writer: GovernanceWriter } | null,
): Promise<ReplayOutcome> {
  const outcome: ReplayOutcome = { applied: [], conflicts: [] };
  const blocked = new Set<string>();
  for (const d of plan.decisions) {
    if (blocked.has(d.caseId)) {
      outcome.conflicts.push({
        caseId: d.caseId,
        move: d.move,
        reason: "Skipped: an earlier decision on this case was refused.",
      });
      continue;
    }
    try {
      await moveCase(main, d, governance);
      outcome.applied.push({ caseId: d.caseId, move: d.move });
    } catch (error) {
      if (!(error instanceof ConflictError || error instanceof FieldRuleError)) throw error;
      blocked.add(d.caseId);
      const kase = await getCase(main, d.caseId).catch(() => null);
      outcome.conflicts.push({
        caseId: d.caseId,
        move: d.move,
        reason: `${kase ? caseLabel(kase) : d.caseId}: ${error.message}`,
      });
    }
  }
  return outcome;
}
