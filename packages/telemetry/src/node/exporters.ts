import type { LogRecordExporter } from "@opentelemetry/sdk-logs";
import type { PushMetricExporter } from "@opentelemetry/sdk-metrics";
import type { SpanExporter } from "@opentelemetry/sdk-trace-node";
import type { OtlpProtocol } from "../env.ts";

export interface OtlpExporters {
  spans: SpanExporter;
  metrics: PushMetricExporter;
  logs: LogRecordExporter;
}

/**
 * The three OTLP exporters for one protocol, imported only when chosen: gRPC (what Databricks Apps
 * telemetry advertises), HTTP/protobuf (the OTel default) or HTTP/JSON (what `appbase up` receives).
 * HTTP exporters get `<endpoint>/v1/<signal>`; gRPC gets the endpoint itself.
 */
export async function otlpExporters(endpoint: string, protocol: OtlpProtocol): Promise<OtlpExporters> {
  const base = endpoint.replace(/\/+$/, "");
  if (protocol === "grpc") {
    const [t, m, l] = await Promise.all([
      import("@opentelemetry/exporter-trace-otlp-grpc"),
      import("@opentelemetry/exporter-metrics-otlp-grpc"),
      import("@opentelemetry/exporter-logs-otlp-grpc"),
    ]);
    return {
      spans: new t.OTLPTraceExporter({ url: base }),
      metrics: new m.OTLPMetricExporter({ url: base }),
      logs: new l.OTLPLogExporter({ url: base }),
    };
  }
  const [t, m, l] =
    protocol === "http/json"
      ? await Promise.all([
          import("@opentelemetry/exporter-trace-otlp-http"),
          import("@opentelemetry/exporter-metrics-otlp-http"),
          import("@opentelemetry/exporter-logs-otlp-http"),
        ])
      : await Promise.all([
          import("@opentelemetry/exporter-trace-otlp-proto"),
          import("@opentelemetry/exporter-metrics-otlp-proto"),
          import("@opentelemetry/exporter-logs-otlp-proto"),
        ]);
  return {
    spans: new t.OTLPTraceExporter({ url: `${base}/v1/traces` }),
    metrics: new m.OTLPMetricExporter({ url: `${base}/v1/metrics` }),
    logs: new l.OTLPLogExporter({ url: `${base}/v1/logs` }),
  };
}
