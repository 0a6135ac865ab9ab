import type { KitCaller } from "@appbase/next-kit/kit-call";
import type { MayRead } from "@appbase/queue";
import type pg from "pg";
import type { AgentModel } from "../agents/agent-model.ts";
import { type AssessmentHandoff, recordAssessmentHandoff } from "../evaluation/assessment-handoff.ts";
import type { MlflowTarget } from "../evaluation/assessment-outbox.ts";
import {
  assertInterruptPending,
  assertResumable,
  isKitThread,
  type RunOutcome,
  resumeAgentRun,
} from "../runs/runs.ts";
import { decideReviewItem } from "./decide.ts";
import { getReviewItem } from "./queue.ts";
import type { ReviewDecision, ReviewItem } from "./review-item.ts";

export interface ReviewDecisionRequest {
  itemId: string;
  reviewer: string;
  expectedVersion: number;
  decision: ReviewDecision;
  rationale: string;
  /** The proposed call's arguments as the reviewer changed them (an edit decision only). */
  editedArgs?: Record<string, string | number | boolean>;
  /** Holders of review.reassign may decide items someone else claimed. */
  mayOverride: boolean;
  /** The reviewer's row rule (reviewerMayRead): a refused decision on an item it hides says nothing of it. */
  mayRead?: MayRead;
  /** The bound serving endpoint, if any (a run continues on the model it started with). */
  model?: AgentModel;
  /** How the resumed run's tools call other kits (the server's callKit). */
  kits?: KitCaller;
  /** The bound MLflow experiment, if any: the assessment is handed off and the resumed turn traced there. */
  mlflow?: MlflowTarget;
}

export interface ReviewDecisionResult {
  item: ReviewItem;
  handoff: AssessmentHandoff;
  /**
   * The resumed run, for an interrupt of a thread the kit started; null for other items, and for an
   * interrupt of another program's thread, which that program resumes from `agent_ops.interrupt_decision`.
   */
  run: RunOutcome | null;
}

/**
 * A reviewer's decision, whole: checks an interrupt's run can resume on the bound model before
 * anything is stored, records the decision, hands the assessment off to MLflow's outbox, and
 * resumes the paused agent run with the decision.
 */
export async function decideAndResume(
  pool: pg.Pool,
  request: ReviewDecisionRequest,
): Promise<ReviewDecisionResult> {
  const open = await getReviewItem(pool, request.itemId);
  const resumesHere = open.source === "interrupt" && (await isKitThread(pool, open.threadId));
  if (resumesHere) {
    await assertResumable(pool, open.threadId, request.model);
    await assertInterruptPending(pool, { threadId: open.threadId, sourceKey: open.sourceKey });
  }
  const edited = request.decision === "edit" ? request.editedArgs : undefined;
  const item = await decideReviewItem(pool, {
    itemId: request.itemId,
    reviewer: request.reviewer,
    expectedVersion: request.expectedVersion,
    decision: request.decision,
    rationale: request.rationale,
    ...(edited !== undefined ? { editedValue: edited } : {}),
    mayOverride: request.mayOverride,
    mayRead: request.mayRead,
  });
  const handoff = await recordAssessmentHandoff(pool, item, {
    experimentBound: request.mlflow !== undefined,
  });
  const run = resumesHere
    ? await resumeAgentRun(pool, {
        threadId: item.threadId,
        resume: {
          decision: request.decision,
          rationale: request.rationale,
          ...(edited !== undefined ? { editedArgs: edited } : {}),
        },
        ...(request.model ? { model: request.model } : {}),
        ...(request.kits ? { kits: request.kits } : {}),
        ...(request.mlflow ? { tracing: { target: request.mlflow, user: request.reviewer } } : {}),
      })
    : null;
  return { item, handoff, run };
}
