import "server-only";
import { branchPool } from "@appbase/branches/connect";
import { branchPortFromEnv, extendPreview, readPreview } from "@appbase/branches/preview";
import { kitPreviews, notFoundIfGone } from "@appbase/next-kit/previews";
import kit from "../../kit.ts";
import {
  type BranchDecision,
  decideOnBranch,
  planReview,
  type ReplayOutcome,
  type ReviewPlan,
  replayDecisions,
} from "../domain/cases/review-branch.ts";
import { reviewDiffTables } from "../domain/cases/review-tables.ts";
import { getCase, type RiskCase } from "../domain/cases/risk-case.ts";
import { kitGovernance } from "./governance.ts";
import { db } from "./kit.ts";

type Env = Record<string, string | undefined>;

/** Case reviews on a branch: opened with a case set, worked decision by decision, applied or discarded. */
export const caseReviews = kitPreviews<{ caseIds: string[] }, ReviewPlan, { email: string }>({
  kit: kit.id,
  what: "case reviews",
  diffTables: reviewDiffTables,
  title: (set) => `Review of ${set.caseIds.length} case${set.caseIds.length === 1 ? "" : "s"}`,
  plan: (branch, set) => planReview(branch, set.caseIds),
  // Nothing changes when the branch opens; the reviewer's decisions change it, one at a time.
  run: async () => {},
});

/** Makes one decision on the review's branch (main untouched) and records it for the replay. */
export async function decideInReview(
  env: Env,
  branch: string,
  decision: BranchDecision,
): Promise<ReviewPlan> {
  const preview = await notFoundIfGone(
    extendPreview<ReviewPlan>(await branchPortFromEnv(env), kit.id, branch, (db, plan) =>
      decideOnBranch(db, plan, decision),
    ),
  );
  return preview.plan;
}

/** The review's cases as they stand on its branch (what the next decision is made against). */
export async function casesOnBranch(env: Env, branch: string): Promise<RiskCase[]> {
  const port = await branchPortFromEnv(env);
  const preview = await notFoundIfGone(readPreview<ReviewPlan>(port, kit.id, branch));
  const { pool, close } = await branchPool(await port.get(branch));
  try {
    return await Promise.all(preview.plan.caseIds.map((id) => getCase(pool, id)));
  } finally {
    await close();
  }
}

/** Replays the review's decisions on main (through the Governance Writer); the branch goes. */
export async function applyReview(env: Env, branch: string): Promise<ReplayOutcome> {
  const main = await db();
  const { governance } = await kitGovernance();
  return caseReviews.apply(env, branch, (plan) => replayDecisions(main, plan, governance));
}
