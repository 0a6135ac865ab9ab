import { z } from "zod";

// OTLP/HTTP JSON (opentelemetry-proto's JSON mapping): ids are hex strings, 64-bit integers and
// nanosecond times may be strings or numbers, enums are numbers. Only the fields we land are read;
// anything else is ignored, as a collector would.

const MAX_TEXT = 64_000;
const int64 = z.union([z.string().regex(/^-?\d{1,20}$/, "an integer"), z.number().int()]);
const hexId = (bytes: number) =>
  z
    .string()
    .regex(new RegExp(`^[0-9a-f]{${bytes * 2}}$`, "i"), `${bytes * 2} hex digits`)
    .transform((s) => s.toLowerCase());

export type AnyValue =
  | { stringValue?: string; boolValue?: boolean; intValue?: string | number; doubleValue?: number }
  | { arrayValue?: { values?: AnyValue[] } }
  | { kvlistValue?: { values?: KeyValue[] } }
  | { bytesValue?: string };
export interface KeyValue {
  key: string;
  value?: AnyValue;
}

const anyValue: z.ZodType<AnyValue> = z.lazy(() =>
  z.union([
    z.object({
      stringValue: z.string().max(MAX_TEXT).optional(),
      boolValue: z.boolean().optional(),
      intValue: int64.optional(),
      doubleValue: z.number().optional(),
    }),
    z.object({ arrayValue: z.object({ values: z.array(anyValue).max(1000).optional() }) }),
    z.object({ kvlistValue: z.object({ values: z.array(keyValue).max(1000).optional() }) }),
    z.object({ bytesValue: z.string().max(MAX_TEXT) }),
  ]),
);
const keyValue: z.ZodType<KeyValue> = z.lazy(() =>
  z.object({ key: z.string().min(1).max(512), value: anyValue.optional() }),
);
const attributes = z.array(keyValue).max(1000).default([]);
const resource = z.object({ attributes }).default({ attributes: [] });
const scope = z.object({ name: z.string().max(512).default("") }).default({ name: "" });

export const otlpSpansRequest = z.object({
  resourceSpans: z
    .array(
      z.object({
        resource,
        scopeSpans: z
          .array(
            z.object({
              scope,
              spans: z
                .array(
                  z.object({
                    traceId: hexId(16),
                    spanId: hexId(8),
                    parentSpanId: z.union([hexId(8), z.literal("")]).optional(),
                    name: z.string().max(2000),
                    kind: z.number().int().min(0).max(5).default(0),
                    startTimeUnixNano: int64,
                    endTimeUnixNano: int64,
                    attributes,
                    status: z
                      .object({
                        code: z.number().int().min(0).max(2).default(0),
                        message: z.string().max(MAX_TEXT).optional(),
                      })
                      .default({ code: 0 }),
                  }),
                )
                .default([]),
            }),
          )
          .default([]),
      }),
    )
    .default([]),
});

export const otlpLogsRequest = z.object({
  resourceLogs: z
    .array(
      z.object({
        resource,
        scopeLogs: z
          .array(
            z.object({
              scope,
              logRecords: z
                .array(
                  z.object({
                    timeUnixNano: int64.optional(),
                    observedTimeUnixNano: int64.optional(),
                    severityNumber: z.number().int().min(0).max(24).default(0),
                    severityText: z.string().max(64).optional(),
                    body: anyValue.optional(),
                    attributes,
                    traceId: z.union([hexId(16), z.literal("")]).optional(),
                    spanId: z.union([hexId(8), z.literal("")]).optional(),
                  }),
                )
                .default([]),
            }),
          )
          .default([]),
      }),
    )
    .default([]),
});

const numberPoint = z.object({
  attributes,
  timeUnixNano: int64,
  asDouble: z.number().optional(),
  asInt: int64.optional(),
});
export type NumberPoint = z.output<typeof numberPoint>;
const histogramPoint = z.object({
  attributes,
  timeUnixNano: int64,
  count: int64.default(0),
  sum: z.number().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  bucketCounts: z.array(int64).max(1000).default([]),
  explicitBounds: z.array(z.number()).max(1000).default([]),
});

export const otlpMetricsRequest = z.object({
  resourceMetrics: z
    .array(
      z.object({
        resource,
        scopeMetrics: z
          .array(
            z.object({
              scope,
              metrics: z
                .array(
                  z.object({
                    name: z.string().min(1).max(512),
                    unit: z.string().max(64).default(""),
                    gauge: z.object({ dataPoints: z.array(numberPoint).default([]) }).optional(),
                    sum: z.object({ dataPoints: z.array(numberPoint).default([]) }).optional(),
                    histogram: z.object({ dataPoints: z.array(histogramPoint).default([]) }).optional(),
                  }),
                )
                .default([]),
            }),
          )
          .default([]),
      }),
    )
    .default([]),
});

/** An OTLP attribute list as a plain object (nested lists and maps kept as arrays and objects). */
export function attributesObject(list: readonly KeyValue[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const { key, value } of list) out[key] = plainValue(value);
  return out;
}

/** An OTLP AnyValue as plain JSON. */
export function plainValue(value: AnyValue | undefined): unknown {
  if (!value) return null;
  if ("stringValue" in value && value.stringValue !== undefined) return value.stringValue;
  if ("boolValue" in value && value.boolValue !== undefined) return value.boolValue;
  if ("intValue" in value && value.intValue !== undefined) return Number(value.intValue);
  if ("doubleValue" in value && value.doubleValue !== undefined) return value.doubleValue;
  if ("arrayValue" in value) return (value.arrayValue?.values ?? []).map(plainValue);
  if ("kvlistValue" in value) return attributesObject(value.kvlistValue?.values ?? []);
  if ("bytesValue" in value) return value.bytesValue;
  return null;
}

/** Unix nanoseconds (string or number) as an ISO 8601 UTC timestamp, millisecond precision. */
export function isoFromNanos(nanos: string | number): string {
  return new Date(Number(BigInt(nanos) / 1_000_000n)).toISOString();
}
