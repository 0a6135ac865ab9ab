export { OtlpDecodeError, otlpRows, type TelemetryRow } from "./otlp-rows.ts";
export { TELEMETRY_SCHEMA, type TelemetrySignal, telemetryTables } from "./telemetry-tables.ts";
export { type TraceNode, type TraceSpan, traceTree } from "./trace-tree.ts";
