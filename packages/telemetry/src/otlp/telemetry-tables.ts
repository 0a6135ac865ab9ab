/**
 * The local landing tables of OTLP data, `appbase.telemetry.{spans,logs,metrics}`: one row per span,
 * log record and metric data point, attributes as JSON text. Locally they stand in for the
 * `otel_spans`/`otel_logs`/`otel_metrics` tables Databricks Apps telemetry writes to Unity Catalog;
 * the platform's column layout is not documented in our references, so this is our own flat shape
 * (the local lakehouse has no VARIANT), named after the OTLP fields.
 */
export const TELEMETRY_SCHEMA = "appbase.telemetry";

type ColumnType = "STRING" | "BIGINT" | "INT" | "DOUBLE" | "TIMESTAMP";
interface Column {
  name: string;
  type: ColumnType;
  nullable: boolean;
  comment?: string;
}
const col = (name: string, type: ColumnType, nullable = true, comment?: string): Column => ({
  name,
  type,
  nullable,
  ...(comment ? { comment } : {}),
});
const resourceColumns = [
  col("service_name", "STRING", false, "resource attribute service.name"),
  col("resource_attributes", "STRING", false, "JSON object"),
];

export type TelemetrySignal = "spans" | "logs" | "metrics";

/** A landing table: its full name and a declaration the lakehouse port accepts. */
export interface TelemetryTable {
  table: string;
  declaration: { comment: string; primaryKey: string[]; columns: Column[] };
}

export const telemetryTables: Record<TelemetrySignal, TelemetryTable> = {
  spans: {
    table: `${TELEMETRY_SCHEMA}.spans`,
    declaration: {
      comment: "OTLP spans received by the local platform",
      primaryKey: ["trace_id", "span_id"],
      columns: [
        col("trace_id", "STRING", false, "32 hex digits"),
        col("span_id", "STRING", false, "16 hex digits"),
        col("parent_span_id", "STRING"),
        col("name", "STRING", false),
        col("kind", "STRING", false, "INTERNAL, SERVER, CLIENT, PRODUCER, CONSUMER or UNSPECIFIED"),
        col("scope_name", "STRING", false),
        col("start_time", "TIMESTAMP", false),
        col("end_time", "TIMESTAMP", false),
        col("duration_ms", "DOUBLE", false),
        col("status_code", "STRING", false, "UNSET, OK or ERROR"),
        col("status_message", "STRING"),
        col("attributes", "STRING", false, "JSON object"),
        ...resourceColumns,
      ],
    },
  },
  logs: {
    table: `${TELEMETRY_SCHEMA}.logs`,
    declaration: {
      comment: "OTLP log records received by the local platform",
      primaryKey: [],
      columns: [
        col("time", "TIMESTAMP", false),
        col("trace_id", "STRING"),
        col("span_id", "STRING"),
        col("severity_number", "INT", false),
        col("severity_text", "STRING"),
        col("body", "STRING"),
        col("scope_name", "STRING", false),
        col("attributes", "STRING", false, "JSON object"),
        ...resourceColumns,
      ],
    },
  },
  metrics: {
    table: `${TELEMETRY_SCHEMA}.metrics`,
    declaration: {
      comment: "OTLP metric data points received by the local platform",
      primaryKey: [],
      columns: [
        col("time", "TIMESTAMP", false),
        col("name", "STRING", false),
        col("unit", "STRING", false),
        col("type", "STRING", false, "gauge, sum or histogram"),
        col("value", "DOUBLE", true, "gauge and sum points"),
        col("count", "BIGINT", true, "histogram points"),
        col("sum", "DOUBLE"),
        col("min", "DOUBLE"),
        col("max", "DOUBLE"),
        col("buckets", "STRING", true, "JSON {bounds, counts} of a histogram point"),
        col("scope_name", "STRING", false),
        col("attributes", "STRING", false, "JSON object"),
        ...resourceColumns,
      ],
    },
  },
};
