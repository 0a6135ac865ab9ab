export { SpanKind } from "@opentelemetry/api";
export { type LogFields, type LogLevel, log, logEvent, setLogWriter } from "./log.ts";
export { meter, recordGauge } from "./metrics.ts";
export { withQuerySpans } from "./pg-spans.ts";
export { activeTraceIds, tracer, withSpan } from "./spans.ts";
