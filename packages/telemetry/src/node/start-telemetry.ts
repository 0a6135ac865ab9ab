import { type DiagLogger, DiagLogLevel, diag, metrics } from "@opentelemetry/api";
import { logs } from "@opentelemetry/api-logs";
import { defaultResource, resourceFromAttributes } from "@opentelemetry/resources";
import { BatchLogRecordProcessor, LoggerProvider } from "@opentelemetry/sdk-logs";
import { MeterProvider, PeriodicExportingMetricReader } from "@opentelemetry/sdk-metrics";
import { BatchSpanProcessor, NodeTracerProvider, type SpanProcessor } from "@opentelemetry/sdk-trace-node";
import { type EnvSource, readTelemetryEnv } from "../env.ts";
import { log, setLogService, structuredConsole } from "../log.ts";
import { otlpExporters } from "./exporters.ts";
import { RequestLatencyProcessor } from "./request-metrics.ts";

export interface Telemetry {
  /** `otlp`: spans, metrics and logs are exported; `logs`: JSON logs only (trace ids still in them). */
  mode: "otlp" | "logs";
  serviceName: string;
  endpoint: string | null;
  /** Exports what is buffered now (tests, before a CLI exits). */
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}

let started: Telemetry | undefined;

/**
 * Starts OpenTelemetry for this process, once. A tracer provider is always installed, so spans have
 * ids and every JSON log line carries its trace id; exporters (and the metrics and logs SDKs) only
 * when OTEL_EXPORTER_OTLP_ENDPOINT is set, in the protocol OTEL_EXPORTER_OTLP_PROTOCOL names.
 * Without an endpoint nothing is sent and nothing can fail to send.
 */
export async function startTelemetry(options: {
  serviceName: string;
  env?: EnvSource;
  /** Milliseconds between span and log batch exports (default 5 s, the SDK's). */
  batchDelayMs?: number;
  /** Milliseconds between metric exports (default 60 s, the SDK's). */
  metricIntervalMs?: number;
  /** Route console.* through the JSON logger (default true; tests of the logger itself turn it off). */
  structuredConsole?: boolean;
}): Promise<Telemetry> {
  if (started) return started;
  const env = readTelemetryEnv(options.env);
  const serviceName = env.serviceName ?? options.serviceName;
  setLogService(serviceName);
  if (options.structuredConsole !== false) structuredConsole();
  const resource = defaultResource().merge(
    resourceFromAttributes({ ...env.resourceAttributes, "service.name": serviceName }),
  );

  const endpoint = env.endpoint ?? null;
  const spanProcessors: SpanProcessor[] = [];
  let meterProvider: MeterProvider | undefined;
  let loggerProvider: LoggerProvider | undefined;
  if (endpoint) {
    diag.setLogger(exporterDiagnostics, DiagLogLevel.WARN);
    const exporters = await otlpExporters(endpoint, env.protocol);
    meterProvider = new MeterProvider({
      resource,
      readers: [
        new PeriodicExportingMetricReader({
          exporter: exporters.metrics,
          exportIntervalMillis: options.metricIntervalMs ?? 60_000,
        }),
      ],
    });
    metrics.setGlobalMeterProvider(meterProvider);
    loggerProvider = new LoggerProvider({
      resource,
      processors: [
        new BatchLogRecordProcessor({
          exporter: exporters.logs,
          scheduledDelayMillis: options.batchDelayMs ?? 5_000,
        }),
      ],
    });
    logs.setGlobalLoggerProvider(loggerProvider);
    spanProcessors.push(
      new BatchSpanProcessor(exporters.spans, { scheduledDelayMillis: options.batchDelayMs ?? 5_000 }),
      new RequestLatencyProcessor(),
    );
  }
  const tracerProvider = new NodeTracerProvider({ resource, spanProcessors });
  tracerProvider.register();

  const flush = async () => {
    await tracerProvider.forceFlush();
    await Promise.all([meterProvider?.forceFlush(), loggerProvider?.forceFlush()]);
  };
  started = {
    mode: endpoint ? "otlp" : "logs",
    serviceName,
    endpoint,
    flush,
    shutdown: async () => {
      await Promise.all([tracerProvider.shutdown(), meterProvider?.shutdown(), loggerProvider?.shutdown()]);
      started = undefined;
    },
  };
  return started;
}

/** The SDK's own complaints (an unreachable collector, a rejected batch) as JSON warnings. */
const exporterDiagnostics: DiagLogger = {
  error: (message, ...args) => log.warn(`telemetry: ${message}`, { detail: detailOf(args) }),
  warn: (message, ...args) => log.warn(`telemetry: ${message}`, { detail: detailOf(args) }),
  info: () => {},
  debug: () => {},
  verbose: () => {},
};

function detailOf(args: unknown[]): string | undefined {
  if (args.length === 0) return undefined;
  return args
    .map((a) => (a instanceof Error ? a.message : typeof a === "string" ? a : JSON.stringify(a)))
    .join(" ")
    .slice(0, 2000);
}
