import { type EnvRecord, loadTelemetryEnv } from "@appbase/bindings";
import { z } from "zod";

export type EnvSource = EnvRecord;

// The OTel specification's default protocol is http/protobuf; Databricks Apps sets grpc.
const protocolSchema = z.enum(["grpc", "http/protobuf", "http/json"]);
export type OtlpProtocol = z.output<typeof protocolSchema>;

export interface TelemetryEnv {
  endpoint: string | undefined;
  protocol: OtlpProtocol;
  /** OTEL_SERVICE_NAME, else the app's name on Databricks Apps. */
  serviceName: string | undefined;
  /** OTEL_RESOURCE_ATTRIBUTES parsed (workspace.id and app.name on Databricks Apps). */
  resourceAttributes: Record<string, string>;
}

/**
 * The telemetry variables, declared once in @appbase/bindings (what Databricks Apps sets when app
 * telemetry is on: OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_EXPORTER_OTLP_PROTOCOL, OTEL_RESOURCE_ATTRIBUTES,
 * OTEL_SERVICE_NAME); a malformed one fails with its name and what to set.
 */
export function readTelemetryEnv(source: EnvSource = process.env): TelemetryEnv {
  const env = loadTelemetryEnv(source);
  const protocol = protocolSchema.safeParse(env.OTEL_EXPORTER_OTLP_PROTOCOL ?? "http/protobuf");
  if (!protocol.success) {
    throw new Error(
      `OTEL_EXPORTER_OTLP_PROTOCOL is "${env.OTEL_EXPORTER_OTLP_PROTOCOL}": set grpc, http/protobuf or http/json.`,
    );
  }
  return {
    endpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT,
    protocol: protocol.data,
    serviceName: env.OTEL_SERVICE_NAME ?? (source.DATABRICKS_APP_NAME?.trim() || undefined),
    resourceAttributes: env.OTEL_RESOURCE_ATTRIBUTES ?? {},
  };
}

/** Which Next.js runtime loads this module ("nodejs", "edge"), or undefined outside Next. */
export function nextRuntime(source: EnvSource = process.env): string | undefined {
  return source.NEXT_RUNTIME;
}
