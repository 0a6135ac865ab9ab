import { mlflow } from "@appbase/databricks";
import type { WorkspaceClient } from "../agents/workspace-client.ts";
import type { AssessmentPayload } from "./assessment-handoff.ts";

// A thread id goes into the filter string; quote it the SQL way so it cannot end the literal.
const literal = (value: string) => `'${value.replaceAll("'", "''")}'`;

/** The MLflow filter for a thread's traces: the agents tag each trace with the thread as its session. */
export function sessionFilter(threadId: string): string {
  return `metadata.\`mlflow.trace.session\` = ${literal(threadId)}`;
}

/** The newest trace of the thread in the experiment, or undefined (`POST /api/3.0/mlflow/traces/search`). */
export async function findSessionTrace(
  client: WorkspaceClient,
  experimentId: string,
  threadId: string,
): Promise<string | undefined> {
  const { traces } = await mlflow(client).searchTraces({
    experimentIds: [experimentId],
    filter: sessionFilter(threadId),
    maxResults: 1,
    orderBy: ["timestamp_ms DESC"],
  });
  return traces[0]?.trace_id;
}

/** The assessment on the trace that was made for this review item, if a previous attempt created one. */
export async function existingAssessmentFor(
  client: WorkspaceClient,
  traceId: string,
  reviewItemId: string,
): Promise<string | undefined> {
  const assessments = (await mlflow(client).getTrace(traceId)).assessments ?? [];
  return assessments.find((a) => a.metadata?.review_item_id === reviewItemId)?.assessment_id;
}

/** Creates the assessment on the trace; returns MLflow's assessment id. */
export async function createAssessment(
  client: WorkspaceClient,
  traceId: string,
  payload: AssessmentPayload,
): Promise<string> {
  return (await mlflow(client).createAssessment(traceId, payload.assessment)).assessment_id;
}
