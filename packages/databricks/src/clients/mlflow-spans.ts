import { randomBytes } from "node:crypto";

// MLflow spans as the trace-data artifact (`traces.json`, `{spans: [...]}`) holds them: the span dict
// MLflow's own clients write (domain-patterns §2.2; mlflow `Span.to_dict`, mlflow-tracing TS
// `Span.toJson`): ids base64 of the OTel bytes, nanosecond times, status `STATUS_CODE_*`, and every
// attribute value JSON-encoded (MLflow's attribute registry decodes each one with JSON.parse).

/** Span types MLflow defines (`SpanType`); the string is open, these are the ones the kit writes. */
export type MlflowSpanType = "AGENT" | "CHAIN" | "LLM" | "CHAT_MODEL" | "TOOL" | "RETRIEVER";

/** Token counts in MLflow's `mlflow.chat.tokenUsage` / `mlflow.trace.tokenUsage` form. */
export interface TokenUsage {
  input_tokens: number;
  output_tokens: number;
  total_tokens: number;
}

/** One finished span of a trace. */
export interface TraceSpan {
  /** 16 lowercase hex digits (`newSpanId`). */
  spanId: string;
  /** The parent's span id; none for the root span. */
  parentSpanId?: string;
  name: string;
  type: MlflowSpanType;
  startedAt: Date;
  endedAt: Date;
  /** Set for a failed span: the status message and an `exception` event. */
  error?: string;
  inputs?: unknown;
  outputs?: unknown;
  /** Further attributes, e.g. `mlflow.chat.tokenUsage` or `mlflow.llm.model`. */
  attributes?: Record<string, unknown>;
}

/** A fresh span id: 8 random bytes as hex, as OpenTelemetry makes them. */
export function newSpanId(): string {
  return randomBytes(8).toString("hex");
}

const base64OfHex = (hex: string) => Buffer.from(hex, "hex").toString("base64");

function spanDict(traceId: string, span: TraceSpan, nanos: (at: Date) => string): Record<string, unknown> {
  const attributes: Record<string, unknown> = {
    "mlflow.traceRequestId": traceId,
    "mlflow.spanType": span.type,
    ...(span.inputs === undefined ? {} : { "mlflow.spanInputs": span.inputs }),
    ...(span.outputs === undefined ? {} : { "mlflow.spanOutputs": span.outputs }),
    ...span.attributes,
  };
  return {
    trace_id: base64OfHex(traceId.replace(/^tr-/, "")),
    span_id: base64OfHex(span.spanId),
    parent_span_id: span.parentSpanId ? base64OfHex(span.parentSpanId) : "",
    name: span.name,
    start_time_unix_nano: nanos(span.startedAt),
    end_time_unix_nano: nanos(span.endedAt),
    status:
      span.error === undefined
        ? { code: "STATUS_CODE_OK", message: "" }
        : { code: "STATUS_CODE_ERROR", message: span.error },
    attributes: Object.fromEntries(Object.entries(attributes).map(([k, v]) => [k, JSON.stringify(v)])),
    events:
      span.error === undefined
        ? []
        : [
            {
              name: "exception",
              time_unix_nano: nanos(span.endedAt),
              attributes: { "exception.message": span.error },
            },
          ],
  };
}

/** The trace data document (`{spans: [...]}`) for trace `tr-…`, as JSON text. */
export function traceDataJson(traceId: string, spans: readonly TraceSpan[]): string {
  // Nanoseconds exceed 2^53: they go in as a placeholder no text can contain, then become exact integers.
  const mark = `ns-${randomBytes(8).toString("hex")}:`;
  const nanos = (at: Date) => `${mark}${BigInt(at.getTime()) * 1_000_000n}`;
  const json = JSON.stringify({ spans: spans.map((s) => spanDict(traceId, s, nanos)) });
  return json.replace(new RegExp(`"${mark}(\\d+)"`, "g"), "$1");
}
