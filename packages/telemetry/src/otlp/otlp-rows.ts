import type { z } from "zod";
import {
  attributesObject,
  isoFromNanos,
  type KeyValue,
  type NumberPoint,
  otlpLogsRequest,
  otlpMetricsRequest,
  otlpSpansRequest,
  plainValue,
} from "./otlp-json.ts";
import type { TelemetrySignal } from "./telemetry-tables.ts";

export type TelemetryRow = Record<string, string | number | null>;

const SPAN_KINDS = ["UNSPECIFIED", "INTERNAL", "SERVER", "CLIENT", "PRODUCER", "CONSUMER"] as const;
const STATUS_CODES = ["UNSET", "OK", "ERROR"] as const;

/** A request body that is not OTLP JSON: the message names the first fields that are wrong. */
export class OtlpDecodeError extends Error {}

/** Decodes one OTLP/HTTP JSON export request of a signal into rows of its telemetry table. */
export function otlpRows(signal: TelemetrySignal, body: unknown): TelemetryRow[] {
  if (signal === "spans") return spanRows(parse(otlpSpansRequest, body));
  if (signal === "logs") return logRows(parse(otlpLogsRequest, body));
  return metricRows(parse(otlpMetricsRequest, body));
}

function parse<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const problems = result.error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join(".") || "(body)"}: ${i.message}`);
  throw new OtlpDecodeError(`Not an OTLP JSON export request:\n  ${problems.join("\n  ")}`);
}

function resourceCells(attributes: readonly KeyValue[]) {
  const resource = attributesObject(attributes);
  return {
    service_name: typeof resource["service.name"] === "string" ? resource["service.name"] : "unknown",
    resource_attributes: JSON.stringify(resource),
  };
}

function spanRows(request: z.output<typeof otlpSpansRequest>): TelemetryRow[] {
  return request.resourceSpans.flatMap((rs) => {
    const resource = resourceCells(rs.resource.attributes);
    return rs.scopeSpans.flatMap((ss) =>
      ss.spans.map((s) => ({
        trace_id: s.traceId,
        span_id: s.spanId,
        parent_span_id: s.parentSpanId || null,
        name: s.name,
        kind: SPAN_KINDS[s.kind] ?? "UNSPECIFIED",
        scope_name: ss.scope.name,
        start_time: isoFromNanos(s.startTimeUnixNano),
        end_time: isoFromNanos(s.endTimeUnixNano),
        duration_ms: Number(BigInt(s.endTimeUnixNano) - BigInt(s.startTimeUnixNano)) / 1e6,
        status_code: STATUS_CODES[s.status.code] ?? "UNSET",
        status_message: s.status.message || null,
        attributes: JSON.stringify(attributesObject(s.attributes)),
        ...resource,
      })),
    );
  });
}

function logRows(request: z.output<typeof otlpLogsRequest>): TelemetryRow[] {
  return request.resourceLogs.flatMap((rl) => {
    const resource = resourceCells(rl.resource.attributes);
    return rl.scopeLogs.flatMap((sl) =>
      sl.logRecords.map((r) => {
        const body = plainValue(r.body);
        const time = r.timeUnixNano && r.timeUnixNano !== "0" ? r.timeUnixNano : r.observedTimeUnixNano;
        return {
          time: time ? isoFromNanos(time) : new Date().toISOString(),
          trace_id: r.traceId || null,
          span_id: r.spanId || null,
          severity_number: r.severityNumber,
          severity_text: r.severityText ?? null,
          body: body === null ? null : typeof body === "string" ? body : JSON.stringify(body),
          scope_name: sl.scope.name,
          attributes: JSON.stringify(attributesObject(r.attributes)),
          ...resource,
        };
      }),
    );
  });
}

function metricRows(request: z.output<typeof otlpMetricsRequest>): TelemetryRow[] {
  return request.resourceMetrics.flatMap((rm) => {
    const resource = resourceCells(rm.resource.attributes);
    return rm.scopeMetrics.flatMap((sm) =>
      sm.metrics.flatMap((m) => {
        const common = { name: m.name, unit: m.unit, scope_name: sm.scope.name, ...resource };
        const empty = { value: null, count: null, sum: null, min: null, max: null, buckets: null };
        const numberPoints = (type: "gauge" | "sum", points: readonly NumberPoint[]) =>
          points.map((p) => ({
            ...common,
            ...empty,
            type,
            time: isoFromNanos(p.timeUnixNano),
            value: p.asDouble ?? (p.asInt === undefined ? null : Number(p.asInt)),
            attributes: JSON.stringify(attributesObject(p.attributes)),
          }));
        return [
          ...numberPoints("gauge", m.gauge?.dataPoints ?? []),
          ...numberPoints("sum", m.sum?.dataPoints ?? []),
          ...(m.histogram?.dataPoints ?? []).map((p) => ({
            ...common,
            ...empty,
            type: "histogram",
            time: isoFromNanos(p.timeUnixNano),
            count: Number(p.count),
            sum: p.sum ?? null,
            min: p.min ?? null,
            max: p.max ?? null,
            buckets: JSON.stringify({ bounds: p.explicitBounds, counts: p.bucketCounts.map(Number) }),
            attributes: JSON.stringify(attributesObject(p.attributes)),
          })),
        ];
      }),
    );
  });
}
