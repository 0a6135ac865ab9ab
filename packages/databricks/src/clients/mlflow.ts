import { z } from "zod";
import type { WorkspaceClient } from "../client.ts";
import { DatabricksApiError } from "../errors.ts";
import { type TraceSpan, traceDataJson } from "./mlflow-spans.ts";

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

// Where a trace's spans go on Databricks: a signed URL of the artifact store (mlflow-tracing TS
// `GetCredentialsForTraceDataUpload`, `DatabricksArtifactsClient`); the upload carries no workspace token.
const credentialResponse = z.object({
  credential_info: z.looseObject({
    type: z.enum(["AWS_PRESIGNED_URL", "GCP_SIGNED_URL", "AZURE_SAS_URI", "AZURE_ADLS_GEN2_SAS_URI"]),
    signed_uri: z.string().url(),
    headers: z.array(z.object({ name: z.string(), value: z.string() })).optional(),
  }),
});
type Credential = z.infer<typeof credentialResponse>["credential_info"];

/** PUTs (or, for ADLS Gen2, creates, appends and flushes) the document at the signed URL. */
async function uploadSigned(doFetch: typeof fetch, credential: Credential, data: string, operation: string) {
  const headers: Record<string, string> = {
    "content-type": "application/json",
    ...Object.fromEntries((credential.headers ?? []).map((h) => [h.name, h.value])),
  };
  const uri = credential.signed_uri;
  const bytes = new TextEncoder().encode(data);
  const steps: [string, RequestInit][] =
    credential.type === "AZURE_ADLS_GEN2_SAS_URI"
      ? [
          [`${uri}&resource=file`, { method: "PUT", headers: { ...headers, "content-length": "0" } }],
          [
            `${uri}&action=append&position=0`,
            {
              method: "PATCH",
              headers: { ...headers, "content-type": "application/octet-stream" },
              body: bytes,
            },
          ],
          [
            `${uri}&action=flush&position=${bytes.length}`,
            { method: "PATCH", headers: { ...headers, "content-length": "0" } },
          ],
        ]
      : [
          [
            uri,
            {
              method: "PUT",
              headers:
                credential.type === "AZURE_SAS_URI" ? { ...headers, "x-ms-blob-type": "BlockBlob" } : headers,
              body: data,
            },
          ],
        ];
  for (const [url, init] of steps) {
    const response = await doFetch(url, init).catch((error: Error) => {
      throw new DatabricksApiError({
        operation,
        kind: "unreachable",
        status: 0,
        serverMessage: `could not reach the artifact store (${error.message}).`,
        hint: "The trace info is logged; its spans are not. Check the app's network access to the workspace's storage.",
      });
    });
    if (!response.ok) {
      throw new DatabricksApiError({
        operation,
        kind: "http",
        status: response.status,
        serverMessage: `the artifact store answered ${response.status} ${(await response.text()).slice(0, 200)}`,
        hint:
          response.status === 403
            ? "The signed URL was refused (it may have expired); uploading again asks for a new one."
            : "The trace info is logged without its spans; the artifact store's answer says why.",
      });
    }
  }
}

const tracePath = (traceId: string) => `/api/3.0/mlflow/traces/${encodeURIComponent(traceId)}`;

/**
 * MLflow 3 trace and assessment calls. Creates are not retried on 429/503 (a retry could duplicate them).
 * `fetch` is for the artifact store's signed URLs (spans), which are not workspace calls.
 */
export function mlflow(client: WorkspaceClient, options: { fetch?: typeof fetch } = {}) {
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
    /**
     * Uploads the trace's spans (`{spans: [...]}`, see mlflow-spans.ts) after its trace info was logged:
     * `GET /api/2.0/mlflow/traces/{id}/credentials-for-data-upload`, then the signed URL. Writing the same
     * document again replaces it, so the whole upload may be repeated.
     */
    async uploadTraceData(traceId: string, spans: readonly TraceSpan[]): Promise<void> {
      const operation = `MLflow upload spans of ${traceId}`;
      const { credential_info } = await client.request({
        method: "GET",
        path: `/api/2.0/mlflow/traces/${encodeURIComponent(traceId)}/credentials-for-data-upload`,
        response: credentialResponse,
        operation,
      });
      await uploadSigned(options.fetch ?? fetch, credential_info, traceDataJson(traceId, spans), operation);
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
