import { randomBytes } from "node:crypto";
import { z } from "zod";
import { apiError, ok, type RouteModule, type RouteRequest } from "../route.ts";

/** A stored TraceInfoV3 (api-shapes §3.2), with its assessments. */
export interface StoredTrace {
  trace_id: string;
  request_time: string;
  state: "OK" | "ERROR" | "IN_PROGRESS" | "STATE_UNSPECIFIED";
  trace_metadata: Record<string, string>;
  tags: Record<string, string>;
  assessments: Record<string, unknown>[];
  /** The spans uploaded for the trace (its `traces.json` artifact), once uploaded. */
  spans?: UploadedSpan[];
  [field: string]: unknown;
}

/** A span as uploaded: the MLflow span dict, attribute values JSON-encoded. */
export type UploadedSpan = z.infer<typeof uploadedSpan>;

const hex = () => randomBytes(16).toString("hex");

const searchRequest = z.object({
  locations: z.array(z.unknown()).optional(),
  filter: z.string().max(10_000).optional(),
  max_results: z.number().int().min(1).max(500).optional(),
  order_by: z.array(z.string()).optional(),
  page_token: z.string().optional(),
});
const assessmentBody = z.looseObject({
  assessment_name: z
    .string()
    .min(1)
    .refine((n) => !n.includes("."), { error: "assessment_name must not contain '.'" }),
  source: z.object({
    source_type: z.enum(["SOURCE_TYPE_UNSPECIFIED", "HUMAN", "LLM_JUDGE", "CODE"]),
    source_id: z.string().min(1),
  }),
});
const createAssessment = z.object({ assessment: assessmentBody });
const updateAssessment = z.object({ assessment: z.looseObject({}), update_mask: z.string().min(1) });
const startTrace = z.object({
  trace: z.object({ trace_info: z.looseObject({ trace_id: z.string().optional() }) }),
});

// The trace data document MLflow clients upload (mlflow-tracing TS `TraceData.toJson`, Python `Span.to_dict`).
const uploadedSpan = z.looseObject({
  trace_id: z.string().min(1),
  span_id: z.string().min(1),
  parent_span_id: z.string(),
  name: z.string().min(1),
  // Nanoseconds since the epoch are past 2^53: JSON numbers, not safe integers.
  start_time_unix_nano: z.number().nonnegative(),
  end_time_unix_nano: z.number().nonnegative(),
  status: z.object({
    code: z.enum(["STATUS_CODE_UNSET", "STATUS_CODE_OK", "STATUS_CODE_ERROR"]),
    message: z.string(),
  }),
  // MLflow decodes each attribute value with JSON.parse; a value that is not JSON text is refused here.
  attributes: z.record(
    z.string(),
    z.string().refine((v) => {
      try {
        JSON.parse(v);
        return true;
      } catch {
        return false;
      }
    }, "attribute values are JSON-encoded strings"),
  ),
  events: z.array(z.looseObject({ name: z.string(), time_unix_nano: z.number().nonnegative() })),
});
const traceData = z.object({ spans: z.array(uploadedSpan) });

// The filter subset the fake understands: `a = 'v'` clauses joined by AND, where a is
// metadata.`key`, tags.`key` or trace.status. Anything else is refused, never silently ignored.
const CLAUSE = /^(metadata|tags)\.`([^`]+)`\s*=\s*'((?:[^']|'')*)'$|^trace\.status\s*=\s*'(\w+)'$/;
function filterOf(filter: string | undefined): ((t: StoredTrace) => boolean) | string {
  if (!filter?.trim()) return () => true;
  const tests: ((t: StoredTrace) => boolean)[] = [];
  for (const clause of filter.split(/\s+and\s+/i)) {
    const m = CLAUSE.exec(clause.trim());
    if (!m) return `Unsupported filter clause: ${clause}`;
    const [, kind, key, rawValue, status] = m;
    if (status) tests.push((t) => t.state === status);
    else {
      const value = (rawValue ?? "").replaceAll("''", "'");
      tests.push((t) => (kind === "metadata" ? t.trace_metadata : t.tags)[key ?? ""] === value);
    }
  }
  return (t) => tests.every((test) => test(t));
}

export interface MlflowRoutes {
  routes: RouteModule[];
  traces: StoredTrace[];
  /** Adds a trace (OK, now) with the given metadata; returns its `tr-…` id. */
  addTrace(metadata?: Record<string, string>, tags?: Record<string, string>): string;
}

/**
 * MLflow 3 traces and assessments (api-shapes §3): search with `max_results`/`page_token`, get, start
 * trace, and assessment create/get/update (`update_mask` string)/delete, every body wrapped.
 */
export function mlflowRoutes(): MlflowRoutes {
  const traces: StoredTrace[] = [];
  const traceOf = (request: RouteRequest) => traces.find((t) => t.trace_id === request.params.trace_id);
  const noTrace = (request: RouteRequest) =>
    apiError(404, "RESOURCE_DOES_NOT_EXIST", `Trace with ID ${request.params.trace_id} not found.`);
  const assessmentOf = (trace: StoredTrace, id: string | undefined) =>
    trace.assessments.find((a) => a.assessment_id === id);
  const addTrace = (metadata: Record<string, string> = {}, tags: Record<string, string> = {}) => {
    const trace_id = `tr-${hex()}`;
    traces.push({
      trace_id,
      request_time: new Date().toISOString(),
      state: "OK",
      trace_metadata: metadata,
      tags,
      assessments: [],
    });
    return trace_id;
  };
  const base = "/api/3.0/mlflow/traces";
  // Signed upload URLs handed out, by trace id (one signature per credentials call; the newest is valid).
  const signatures = new Map<string, string>();
  const artifactPath = "/fake-artifact-store/traces/{trace_id}/traces.json";

  return {
    traces,
    addTrace,
    routes: [
      {
        name: "mlflow.search-traces",
        method: "POST",
        path: `${base}/search`,
        handle: ({ body }) => {
          const parsed = searchRequest.safeParse(body ?? {});
          if (!parsed.success)
            return apiError(
              400,
              "INVALID_PARAMETER_VALUE",
              parsed.error.issues[0]?.message ?? "Invalid search.",
            );
          const keep = filterOf(parsed.data.filter);
          if (typeof keep === "string") return apiError(400, "INVALID_PARAMETER_VALUE", keep);
          const newestFirst = [...traces]
            .filter(keep)
            .sort((a, b) => b.request_time.localeCompare(a.request_time));
          const offset = parsed.data.page_token
            ? Number(Buffer.from(parsed.data.page_token, "base64url").toString())
            : 0;
          if (!Number.isInteger(offset) || offset < 0)
            return apiError(400, "INVALID_PARAMETER_VALUE", "Invalid page_token.");
          const size = parsed.data.max_results ?? 100;
          const page = newestFirst.slice(offset, offset + size);
          const next =
            offset + size < newestFirst.length
              ? Buffer.from(String(offset + size)).toString("base64url")
              : undefined;
          return ok({ traces: page, ...(next ? { next_page_token: next } : {}) });
        },
      },
      {
        name: "mlflow.start-trace",
        method: "POST",
        path: base,
        handle: ({ body }) => {
          const parsed = startTrace.safeParse(body);
          if (!parsed.success)
            return apiError(400, "INVALID_PARAMETER_VALUE", "The body must be {trace: {trace_info}}.");
          const info = parsed.data.trace.trace_info as Partial<StoredTrace>;
          const stored: StoredTrace = {
            request_time: new Date().toISOString(),
            state: "OK",
            trace_metadata: {},
            tags: {},
            ...info,
            trace_id: info.trace_id ?? `tr-${hex()}`,
            assessments: [],
          };
          traces.push(stored);
          return ok({ trace: { trace_info: stored } });
        },
      },
      {
        // Databricks keeps spans as the trace's artifact: the client asks for a signed URL, then PUTs there.
        name: "mlflow.trace-upload-credentials",
        method: "GET",
        path: "/api/2.0/mlflow/traces/{trace_id}/credentials-for-data-upload",
        handle: (request) => {
          const trace = traceOf(request);
          if (!trace) return noTrace(request);
          const signature = hex();
          signatures.set(trace.trace_id, signature);
          const path = artifactPath.replace("{trace_id}", encodeURIComponent(trace.trace_id));
          return ok({
            credential_info: {
              type: "AWS_PRESIGNED_URL",
              signed_uri: `${request.origin}${path}?X-Amz-Signature=${signature}`,
              headers: [],
            },
          });
        },
      },
      {
        // The artifact store behind the signed URL: no workspace token (S3 refuses a second auth mechanism).
        name: "mlflow.trace-data-upload",
        method: "PUT",
        path: artifactPath,
        auth: "none",
        handle: (request) => {
          const trace = traceOf(request);
          const signature = request.query.get("X-Amz-Signature");
          if (!trace || !signature || signatures.get(trace.trace_id) !== signature) {
            return { status: 403, body: "<Error><Code>SignatureDoesNotMatch</Code></Error>" };
          }
          if (request.headers.authorization) {
            return {
              status: 400,
              body: "<Error><Code>InvalidArgument</Code><Message>Only one auth mechanism allowed</Message></Error>",
            };
          }
          const parsed = traceData.safeParse(request.body);
          if (!parsed.success) {
            return { status: 400, body: `traces.json: ${parsed.error.issues[0]?.message ?? "invalid"}` };
          }
          trace.spans = parsed.data.spans;
          return { status: 200 };
        },
      },
      {
        name: "mlflow.get-trace",
        method: "GET",
        path: `${base}/{trace_id}`,
        handle: (request) => {
          const trace = traceOf(request);
          return trace ? ok({ trace: { trace_info: trace } }) : noTrace(request);
        },
      },
      {
        name: "mlflow.create-assessment",
        method: "POST",
        path: `${base}/{trace_id}/assessments`,
        handle: (request) => {
          const trace = traceOf(request);
          if (!trace) return noTrace(request);
          const parsed = createAssessment.safeParse(request.body);
          if (!parsed.success)
            return apiError(
              400,
              "INVALID_PARAMETER_VALUE",
              parsed.error.issues[0]?.message ?? "Invalid assessment.",
            );
          const now = new Date().toISOString();
          const assessment = {
            ...parsed.data.assessment,
            assessment_id: `a-${hex()}`,
            trace_id: trace.trace_id,
            create_time: now,
            last_update_time: now,
            valid: true,
          };
          trace.assessments.push(assessment);
          return ok({ assessment });
        },
      },
      {
        name: "mlflow.get-assessment",
        method: "GET",
        path: `${base}/{trace_id}/assessments/{assessment_id}`,
        handle: (request) => {
          const trace = traceOf(request);
          const assessment = trace && assessmentOf(trace, request.params.assessment_id);
          return assessment
            ? ok({ assessment })
            : apiError(
                404,
                "RESOURCE_DOES_NOT_EXIST",
                `Assessment ${request.params.assessment_id} not found.`,
              );
        },
      },
      {
        name: "mlflow.update-assessment",
        method: "PATCH",
        path: `${base}/{trace_id}/assessments/{assessment_id}`,
        handle: (request) => {
          const trace = traceOf(request);
          const assessment = trace && assessmentOf(trace, request.params.assessment_id);
          if (!assessment)
            return apiError(
              404,
              "RESOURCE_DOES_NOT_EXIST",
              `Assessment ${request.params.assessment_id} not found.`,
            );
          const parsed = updateAssessment.safeParse(request.body);
          if (!parsed.success) {
            return apiError(
              400,
              "INVALID_PARAMETER_VALUE",
              "assessment and update_mask (a comma-separated string) are required.",
            );
          }
          for (const path of parsed.data.update_mask.split(",").map((p) => p.trim())) {
            if (path in parsed.data.assessment) assessment[path] = parsed.data.assessment[path];
          }
          assessment.last_update_time = new Date().toISOString();
          return ok({ assessment });
        },
      },
      {
        name: "mlflow.delete-assessment",
        method: "DELETE",
        path: `${base}/{trace_id}/assessments/{assessment_id}`,
        handle: (request) => {
          const trace = traceOf(request);
          const index =
            trace?.assessments.findIndex((a) => a.assessment_id === request.params.assessment_id) ?? -1;
          if (!trace || index < 0)
            return apiError(
              404,
              "RESOURCE_DOES_NOT_EXIST",
              `Assessment ${request.params.assessment_id} not found.`,
            );
          trace.assessments.splice(index, 1);
          return ok({});
        },
      },
    ],
  };
}
