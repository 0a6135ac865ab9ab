import type { Queryable } from "@appbase/db";
import { rowOf } from "@appbase/db";
import { type AssessmentHandoffRow, assessmentHandoff } from "../../db/schema/assessment-handoff.ts";
import type { ReviewItem } from "../queue/review-item.ts";

/** The body of `POST /api/3.0/mlflow/traces/{trace_id}/assessments` (MLflow 3 Assessment, snake_case). */
export interface AssessmentPayload {
  assessment: {
    // Filled when sending: the trace whose metadata `mlflow.trace.session` equals the thread id.
    trace_id: string | null;
    assessment_name: "human_review";
    source: { source_type: "HUMAN"; source_id: string };
    feedback: { value: string };
    rationale: string;
    metadata: Record<string, string>;
  };
}

/**
 * A review decision's MLflow assessment, as stored (the drizzle row, with the payload typed).
 * `status` — `unbound`: no experiment bound, waits; `pending`: the outbox will send it; `sent`: MLflow has it.
 */
export type AssessmentHandoff = Omit<AssessmentHandoffRow, "payload"> & { payload: AssessmentPayload };

/** What to tell a person about a handoff: where it is, and what to do when it waits. */
export function handoffStatusLine(h: AssessmentHandoff): string {
  if (h.status === "sent") return `Sent to MLflow as assessment ${h.assessmentId} on trace ${h.traceId}.`;
  if (h.status === "unbound") {
    return (
      "Pending: no MLflow experiment is bound, so this assessment has not been sent. To send it, add an " +
      "`experiment` resource (CAN_EDIT) named `experiment` to the app and `- name: MLFLOW_EXPERIMENT_ID / " +
      "valueFrom: experiment` to app.yaml (bundles/agent-ops declares both)."
    );
  }
  const retry = h.nextAttemptAt ? ` Next attempt ${h.nextAttemptAt.toISOString()}.` : "";
  return h.attempts === 0
    ? "Queued for MLflow; the outbox sends it within seconds."
    : `Not sent yet after ${h.attempts} attempt(s): ${h.lastError ?? "unknown error"}.${retry}`;
}

/** The assessment a decided review item becomes; it names the thread so the trace can be found by session. */
export function assessmentFor(item: ReviewItem): AssessmentPayload {
  if (item.status !== "decided" || !item.decision || !item.decidedBy) {
    throw new Error(`Review item ${item.id} is not decided yet; only decisions become assessments.`);
  }
  return {
    assessment: {
      trace_id: null,
      assessment_name: "human_review",
      source: { source_type: "HUMAN", source_id: item.decidedBy },
      feedback: { value: item.decision },
      rationale: item.rationale ?? "",
      metadata: {
        "mlflow.trace.session": item.threadId,
        review_item_id: item.id,
        review_source: item.source,
      },
    },
  };
}

/**
 * Records the handoff once per decision (a retry returns the stored row). With no MLflow experiment bound
 * it stays `unbound` and the UI shows the payload; with one bound it is `pending` until the sender posts it.
 */
export async function recordAssessmentHandoff(
  db: Queryable,
  item: ReviewItem,
  options: { experimentBound: boolean },
): Promise<AssessmentHandoff> {
  const payload = assessmentFor(item);
  await db.query(
    `insert into agent_ops.assessment_handoff (review_item_id, thread_id, payload, status, next_attempt_at)
     values ($1, $2, $3, $4, case when $4 = 'pending' then now() end) on conflict (review_item_id) do nothing`,
    [item.id, item.threadId, JSON.stringify(payload), options.experimentBound ? "pending" : "unbound"],
  );
  const [stored] = await listAssessmentHandoffs(db, { threadId: item.threadId, reviewItemId: item.id });
  return stored as AssessmentHandoff;
}

/** Handoffs of a thread (or one review item), newest first. */
export async function listAssessmentHandoffs(
  db: Queryable,
  filter: { threadId: string; reviewItemId?: string },
): Promise<AssessmentHandoff[]> {
  const { rows } = await db.query(
    `select * from agent_ops.assessment_handoff
     where thread_id = $1 and ($2::uuid is null or review_item_id = $2) order by created_at desc`,
    [filter.threadId, filter.reviewItemId ?? null],
  );
  return rows.map(toHandoff);
}

/** Handoffs of these review items (for the queue page). */
export async function handoffsOf(db: Queryable, reviewItemIds: string[]): Promise<AssessmentHandoff[]> {
  const { rows } = await db.query(
    "select * from agent_ops.assessment_handoff where review_item_id = any($1::uuid[])",
    [reviewItemIds],
  );
  return rows.map(toHandoff);
}

/** A whole `agent_ops.assessment_handoff` row (`select *` / `returning *`) as the domain type. */
export function toHandoff(row: Record<string, unknown>): AssessmentHandoff {
  const handoff = rowOf(assessmentHandoff, row);
  return { ...handoff, payload: handoff.payload as AssessmentPayload };
}
