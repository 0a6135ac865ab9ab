import type { Queryable } from "@appbase/db";
import type { WorkspaceClient } from "../agents/workspace-client.ts";
import { toHandoff } from "./assessment-handoff.ts";
import { createAssessment, existingAssessmentFor, findSessionTrace } from "./mlflow-traces.ts";

export interface MlflowTarget {
  client: WorkspaceClient;
  experimentId: string;
}

/** Seconds until the next attempt after `attempts` failures: 30 s doubling, at most an hour. */
export function backoffSeconds(attempts: number): number {
  return Math.min(30 * 2 ** Math.max(0, attempts - 1), 3600);
}

// A taken row is hidden this long; if the worker dies mid-delivery, the row comes back by itself.
const TAKE_LEASE_SECONDS = 120;

/**
 * Sends due assessments to MLflow, each once: find the thread's trace (by session), reuse an assessment
 * an earlier attempt created for the same review item (its response may have been lost), else create
 * it; store the id and mark it sent. Failures count an attempt, keep the error in words and back off.
 * Rows are taken with SKIP LOCKED, so several workers never send the same one.
 */
export async function deliverDueAssessments(
  db: Queryable,
  target: MlflowTarget,
  options: { limit?: number } = {},
): Promise<{ sent: number; failed: number }> {
  // An experiment bound after decisions were made: the waiting payloads go out now.
  await db.query(
    "update agent_ops.assessment_handoff set status = 'pending', next_attempt_at = now() where status = 'unbound'",
  );
  const { rows } = await db.query(
    `update agent_ops.assessment_handoff h set next_attempt_at = now() + make_interval(secs => $2)
     where h.review_item_id in (
       select review_item_id from agent_ops.assessment_handoff
       where status = 'pending' and next_attempt_at <= now()
       order by next_attempt_at limit $1 for update skip locked)
     returning h.*`,
    [options.limit ?? 20, TAKE_LEASE_SECONDS],
  );
  const outcome = { sent: 0, failed: 0 };
  for (const handoff of rows.map(toHandoff)) {
    try {
      const traceId =
        handoff.traceId ?? (await findSessionTrace(target.client, target.experimentId, handoff.threadId));
      if (!traceId) {
        throw new Error(
          `No MLflow trace in experiment ${target.experimentId} has metadata mlflow.trace.session = '${handoff.threadId}' yet; the agent's traces must carry the thread id as their session`,
        );
      }
      const assessmentId =
        (await existingAssessmentFor(target.client, traceId, handoff.reviewItemId)) ??
        (await createAssessment(target.client, traceId, handoff.payload));
      await db.query(
        `update agent_ops.assessment_handoff
         set status = 'sent', trace_id = $2, assessment_id = $3, sent_at = now(), attempts = attempts + 1,
             next_attempt_at = null, last_error = null
         where review_item_id = $1`,
        [handoff.reviewItemId, traceId, assessmentId],
      );
      outcome.sent += 1;
    } catch (failure) {
      const attempts = handoff.attempts + 1;
      await db.query(
        `update agent_ops.assessment_handoff
         set attempts = $2, last_error = $3, next_attempt_at = now() + make_interval(secs => $4)
         where review_item_id = $1`,
        [
          handoff.reviewItemId,
          attempts,
          failure instanceof Error ? failure.message : String(failure),
          backoffSeconds(attempts),
        ],
      );
      outcome.failed += 1;
    }
  }
  return outcome;
}
