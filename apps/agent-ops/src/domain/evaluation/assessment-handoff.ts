import type { Queryable } from "../../db/queryable.ts";
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

export interface AssessmentHandoff {
  reviewItemId: string;
  threadId: string;
  status: "unbound" | "pending" | "sent";
  assessmentId: string | null;
  payload: AssessmentPayload;
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
    `insert into agent_ops.assessment_handoff (review_item_id, thread_id, payload, status)
     values ($1, $2, $3, $4) on conflict (review_item_id) do nothing`,
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
  const { rows } = await db.query<{
    review_item_id: string;
    thread_id: string;
    status: AssessmentHandoff["status"];
    assessment_id: string | null;
    payload: AssessmentPayload;
  }>(
    `select * from agent_ops.assessment_handoff
     where thread_id = $1 and ($2::uuid is null or review_item_id = $2) order by created_at desc`,
    [filter.threadId, filter.reviewItemId ?? null],
  );
  return rows.map((r) => ({
    reviewItemId: r.review_item_id,
    threadId: r.thread_id,
    status: r.status,
    assessmentId: r.assessment_id,
    payload: r.payload,
  }));
}
