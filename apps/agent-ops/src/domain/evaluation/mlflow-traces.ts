import { z } from "zod";
import type { WorkspaceClient } from "../agents/workspace-client.ts";
import type { AssessmentPayload } from "./assessment-handoff.ts";

const assessmentSchema = z
  .object({ assessment_id: z.string(), metadata: z.record(z.string(), z.string()).optional() })
  .loose();
const traceInfoSchema = z
  .object({ trace_id: z.string(), assessments: z.array(assessmentSchema).optional() })
  .loose();
const searchResponse = z.object({ traces: z.array(traceInfoSchema).optional() }).loose();
const getTraceResponse = z.object({ trace: z.object({ trace_info: traceInfoSchema }) });
const createResponse = z.object({ assessment: assessmentSchema });

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
  const raw = await client.request(
    "POST",
    "/api/3.0/mlflow/traces/search",
    {
      locations: [{ type: "MLFLOW_EXPERIMENT", mlflow_experiment: { experiment_id: experimentId } }],
      filter: sessionFilter(threadId),
      max_results: 1,
      order_by: ["timestamp_ms DESC"],
    },
    `MLflow trace search in experiment ${experimentId}`,
  );
  return searchResponse.parse(raw).traces?.[0]?.trace_id;
}

/** The assessment on the trace that was made for this review item, if a previous attempt created one. */
export async function existingAssessmentFor(
  client: WorkspaceClient,
  traceId: string,
  reviewItemId: string,
): Promise<string | undefined> {
  const raw = await client.request(
    "GET",
    `/api/3.0/mlflow/traces/${encodeURIComponent(traceId)}`,
    undefined,
    `MLflow trace ${traceId}`,
  );
  const assessments = getTraceResponse.parse(raw).trace.trace_info.assessments ?? [];
  return assessments.find((a) => a.metadata?.review_item_id === reviewItemId)?.assessment_id;
}

/** Creates the assessment on the trace; returns MLflow's assessment id. */
export async function createAssessment(
  client: WorkspaceClient,
  traceId: string,
  payload: AssessmentPayload,
): Promise<string> {
  const raw = await client.request(
    "POST",
    `/api/3.0/mlflow/traces/${encodeURIComponent(traceId)}/assessments`,
    { assessment: { ...payload.assessment, trace_id: traceId } },
    `MLflow create assessment on ${traceId}`,
  );
  return createResponse.parse(raw).assessment.assessment_id;
}
