import { format } from "node:util";
import { type AnyValueMap, logs, SeverityNumber } from "@opentelemetry/api-logs";
import { activeTraceIds } from "./spans.ts";

export type LogLevel = "debug" | "info" | "warn" | "error";
export type LogFields = Record<string, string | number | boolean | null | undefined>;

const SEVERITY: Record<LogLevel, SeverityNumber> = {
  debug: SeverityNumber.DEBUG,
  info: SeverityNumber.INFO,
  warn: SeverityNumber.WARN,
  error: SeverityNumber.ERROR,
};

let serviceName = "appbase";
let write: (level: LogLevel, line: string) => void = (level, line) =>
  (level === "error" || level === "warn" ? process.stderr : process.stdout).write(`${line}\n`);

/** Names the service in every log line (set once at startup by startTelemetry). */
export function setLogService(name: string): void {
  serviceName = name;
}

/** Redirects log lines (tests read them); returns the previous writer. */
export function setLogWriter(next: typeof write): typeof write {
  const previous = write;
  write = next;
  return previous;
}

/**
 * Writes one structured JSON log line carrying the active trace and span ids, and hands the same
 * record to the OpenTelemetry logs API (exported when an OTLP endpoint is configured, else dropped).
 */
export function logEvent(level: LogLevel, message: string, fields: LogFields = {}): void {
  const { traceId, spanId } = activeTraceIds();
  const record = {
    time: new Date().toISOString(),
    level,
    service: serviceName,
    message,
    ...(traceId ? { trace_id: traceId, span_id: spanId } : {}),
    ...fields,
  };
  write(level, JSON.stringify(record));
  logs.getLogger("appbase").emit({
    severityNumber: SEVERITY[level],
    severityText: level.toUpperCase(),
    body: message,
    attributes: definedFields(fields),
  });
}

/** `log.info("…", { field })` and friends: the kit-wide structured logger. */
export const log = {
  debug: (message: string, fields?: LogFields) => logEvent("debug", message, fields),
  info: (message: string, fields?: LogFields) => logEvent("info", message, fields),
  warn: (message: string, fields?: LogFields) => logEvent("warn", message, fields),
  error: (message: string, fields?: LogFields) => logEvent("error", message, fields),
};

function definedFields(fields: LogFields): AnyValueMap {
  const out: AnyValueMap = {};
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) out[key] = value;
  return out;
}

const CONSOLE_LEVELS = { debug: "debug", log: "info", info: "info", warn: "warn", error: "error" } as const;
let consoleStructured = false;

/**
 * Makes `console.log/info/warn/error/debug` write structured JSON lines (with the trace id) through
 * `logEvent`, so everything a kit process prints — its own code, Next.js, libraries — is one format
 * in the app logs and, with an OTLP endpoint, in the telemetry logs table.
 */
export function structuredConsole(): void {
  if (consoleStructured) return;
  consoleStructured = true;
  for (const [method, level] of Object.entries(CONSOLE_LEVELS)) {
    console[method as keyof typeof CONSOLE_LEVELS] = (...args: unknown[]) => logEvent(level, format(...args));
  }
}
