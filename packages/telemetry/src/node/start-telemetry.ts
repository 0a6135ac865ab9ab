import { type DiagLogger, DiagLogLevel, diag, metrics } from "@opentelemetry/api";
import { logs } from "@opentelemetry/api-logs";
import {
  defaultResource,
  detectResources,
  envDetector,
  resourceFromAttributes,
} from "@opentelemetry/resources";
import { BatchLogRecordProcessor, LoggerProvider } from "@opentelemetry/sdk-logs";
import { MeterProvider, PeriodicExportingMetricReader } from "@opentelemetry/sdk-metrics";
import { BatchSpanProcessor, NodeTracerProvider, type SpanProcessor } from "@opentelemetry/sdk-trace-node";
import { type EnvSource, readTelemetryEnv } from "../env.ts";
import { log, setLogService } from "../log.ts";
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
export async function startTelemetry(options: { serviceName: string; env?: EnvSource }): Promise<Telemetry> {
  if (started) return started;
  const env = readTelemetryEnv(options.env);
  const serviceName = env.OTEL_SERVICE_NAME ?? env.DATABRICKS_APP_NAME ?? options.serviceName;
  setLogService(serviceName);
  // OTEL_RESOURCE_ATTRIBUTES (workspace.id, app.name on Databricks) through the SDK's own detector.
  const resource = defaultResource()
    .merge(detectResources({ detectors: [envDetector] }))
    .merge(resourceFromAttributes({ "service.name": serviceName }));

  const endpoint = env.OTEL_EXPORTER_OTLP_ENDPOINT ?? null;
  const spanProcessors: SpanProcessor[] = [];
  let meterProvider: MeterProvider | undefined;
  let loggerProvider: LoggerProvider | undefined;
  if (endpoint) {
    diag.setLogger(exporterDiagnostics, DiagLogLevel.WARN);
    const exporters = await otlpExporters(endpoint, env.OTEL_EXPORTER_OTLP_PROTOCOL);
    meterProvider = new MeterProvider({
      resource,
      readers: [
        new PeriodicExportingMetricReader({
          exporter: exporters.metrics,
          exportIntervalMillis: env.OTEL_METRIC_EXPORT_INTERVAL,
        }),
      ],
    });
    metrics.setGlobalMeterProvider(meterProvider);
    loggerProvider = new LoggerProvider({
      resource,
      processors: [
        new BatchLogRecordProcessor({
          exporter: exporters.logs,
          scheduledDelayMillis: env.OTEL_BSP_SCHEDULE_DELAY,
        }),
      ],
    });
    logs.setGlobalLoggerProvider(loggerProvider);
    spanProcessors.push(
      new BatchSpanProcessor(exporters.spans, { scheduledDelayMillis: env.OTEL_BSP_SCHEDULE_DELAY }),
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
