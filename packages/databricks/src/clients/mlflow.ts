import { z } from "zod";
import type { WorkspaceClient } from "../client.ts";

// MLflow 3 traces and assessments (api-shapes §3); bodies are wrapped, unknown fields kept.
export const assessmentSchema = z.looseObject({
  assessment_id: z.string(),
  assessment_name: z.string().optional(),
  trace_id: z.string().optional(),
  metadata: z.record(z.string(), z.string()).optional(),
});
export type Assessment = z.infer<typeof assessmentSchema>;
export const traceInfoSchema = z.looseObject({
  trace_id: z.string(),
  assessments: z.array(assessmentSchema).optional(),
});
export type TraceInfo = z.infer<typeof traceInfoSchema>;

const searchResponse = z.looseObject({
  traces: z.array(traceInfoSchema).optional(),
  next_page_token: z.string().optional(),
});
const traceResponse = z.object({ trace: z.object({ trace_info: traceInfoSchema }) });
const assessmentResponse = z.object({ assessment: assessmentSchema });

/** A new assessment: name (no `.`), source, and a feedback or expectation (§3.2). */
export interface NewAssessment {
  assessment_name: string;
  source: { source_type: "HUMAN" | "LLM_JUDGE" | "CODE"; source_id: string };
  feedback?: { value?: unknown; error?: { error_code: string; error_message?: string } };
  expectation?: { value?: unknown };
  rationale?: string;
  metadata?: Record<string, string>;
  span_id?: string;
}

export interface TraceSearch {
  experimentIds: readonly string[];
  filter?: string;
  /** 1..500 (default 100). */
  maxResults?: number;
  orderBy?: readonly string[];
  pageToken?: string;
}

const tracePath = (traceId: string) => `/api/3.0/mlflow/traces/${encodeURIComponent(traceId)}`;

/** MLflow 3 trace and assessment calls. Creates are not retried on 429/503 (a retry could duplicate them). */
export function mlflow(client: WorkspaceClient) {
  return {
    /** One page of traces; `nextPageToken` is undefined on the last page. */
    async searchTraces(
      search: TraceSearch,
    ): Promise<{ traces: TraceInfo[]; nextPageToken: string | undefined }> {
      const answer = await client.request({
        method: "POST",
        path: "/api/3.0/mlflow/traces/search",
        body: {
          locations: search.experimentIds.map((experiment_id) => ({
            type: "MLFLOW_EXPERIMENT",
            mlflow_experiment: { experiment_id },
          })),
          ...(search.filter ? { filter: search.filter } : {}),
          max_results: search.maxResults ?? 100,
          ...(search.orderBy ? { order_by: search.orderBy } : {}),
          ...(search.pageToken ? { page_token: search.pageToken } : {}),
        },
        response: searchResponse,
        operation: `MLflow trace search in experiment ${search.experimentIds.join(", ")}`,
        retry: true, // a search has no effect
      });
      return { traces: answer.traces ?? [], nextPageToken: answer.next_page_token || undefined };
    },
    async getTrace(traceId: string): Promise<TraceInfo> {
      const answer = await client.request({
        method: "GET",
        path: tracePath(traceId),
        response: traceResponse,
        operation: `MLflow trace ${traceId}`,
      });
      return answer.trace.trace_info;
    },
    /** StartTraceV3: logs a trace info (with a caller-chosen `tr-…` id). */
    async startTrace(traceInfo: Record<string, unknown> & { trace_id: string }): Promise<TraceInfo> {
      const answer = await client.request({
        method: "POST",
        path: "/api/3.0/mlflow/traces",
        body: { trace: { trace_info: traceInfo } },
        response: traceResponse,
        operation: `MLflow log trace ${traceInfo.trace_id}`,
      });
      return answer.trace.trace_info;
    },
    async createAssessment(traceId: string, assessment: NewAssessment): Promise<Assessment> {
      const answer = await client.request({
        method: "POST",
        path: `${tracePath(traceId)}/assessments`,
        body: { assessment: { ...assessment, trace_id: traceId } },
        response: assessmentResponse,
        operation: `MLflow create assessment on ${traceId}`,
      });
      return answer.assessment;
    },
    async getAssessment(traceId: string, assessmentId: string): Promise<Assessment> {
      const answer = await client.request({
        method: "GET",
        path: `${tracePath(traceId)}/assessments/${encodeURIComponent(assessmentId)}`,
        response: assessmentResponse,
        operation: `MLflow assessment ${assessmentId}`,
      });
      return answer.assessment;
    },
    /** PATCH with `update_mask` as one comma-separated string of the fields changed (§3.2). */
    async updateAssessment(
      traceId: string,
      assessmentId: string,
      changes: Partial<NewAssessment>,
    ): Promise<Assessment> {
      const answer = await client.request({
        method: "PATCH",
        path: `${tracePath(traceId)}/assessments/${encodeURIComponent(assessmentId)}`,
        body: { assessment: { ...changes, trace_id: traceId }, update_mask: Object.keys(changes).join(",") },
        response: assessmentResponse,
        operation: `MLflow update assessment ${assessmentId}`,
        retry: true, // applying the same fields twice has the same result
      });
      return answer.assessment;
    },
    async deleteAssessment(traceId: string, assessmentId: string): Promise<void> {
      await client.request({
        method: "DELETE",
        path: `${tracePath(traceId)}/assessments/${encodeURIComponent(assessmentId)}`,
        response: z.unknown(),
        operation: `MLflow delete assessment ${assessmentId}`,
      });
    },
  };
}
