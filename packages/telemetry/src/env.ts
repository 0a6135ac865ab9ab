import { z } from "zod";

/** Variables to read instead of process.env (tests, the CLI building a kit's environment). */
export type EnvSource = Record<string, string | undefined>;

/**
 * What telemetry reads from the environment. On Databricks Apps, enabling app telemetry sets
 * OTEL_EXPORTER_OTLP_ENDPOINT (a local collector), OTEL_EXPORTER_OTLP_PROTOCOL=grpc and
 * OTEL_RESOURCE_ATTRIBUTES; `appbase up` sets them to its own receiver with http/json.
 */
const telemetryEnvSchema = z.object({
  OTEL_EXPORTER_OTLP_ENDPOINT: z
    .url({ message: "OTEL_EXPORTER_OTLP_ENDPOINT must be a URL such as http://localhost:4314" })
    .optional(),
  // The OTel specification's default is http/protobuf.
  OTEL_EXPORTER_OTLP_PROTOCOL: z
    .enum(["grpc", "http/protobuf", "http/json"], {
      message: "OTEL_EXPORTER_OTLP_PROTOCOL must be grpc, http/protobuf or http/json",
    })
    .default("http/protobuf"),
  OTEL_SERVICE_NAME: z.string().min(1).max(200).optional(),
  DATABRICKS_APP_NAME: z.string().min(1).max(200).optional(),
  /** Milliseconds between metric exports (the OTel variable; default 60 s). */
  OTEL_METRIC_EXPORT_INTERVAL: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
  /** Milliseconds between span/log batch exports (the OTel variable; default 5 s). */
  OTEL_BSP_SCHEDULE_DELAY: z.coerce.number().int().min(10).max(600_000).default(5_000),
});

export type TelemetryEnv = z.output<typeof telemetryEnvSchema>;
export type OtlpProtocol = TelemetryEnv["OTEL_EXPORTER_OTLP_PROTOCOL"];

/** Reads and validates the telemetry variables; a malformed one fails with its name and what to set. */
export function readTelemetryEnv(source: EnvSource = process.env): TelemetryEnv {
  const empty = (v: string | undefined) => (v === undefined || v.trim() === "" ? undefined : v.trim());
  const result = telemetryEnvSchema.safeParse({
    OTEL_EXPORTER_OTLP_ENDPOINT: empty(source.OTEL_EXPORTER_OTLP_ENDPOINT),
    OTEL_EXPORTER_OTLP_PROTOCOL: empty(source.OTEL_EXPORTER_OTLP_PROTOCOL),
    OTEL_SERVICE_NAME: empty(source.OTEL_SERVICE_NAME),
    DATABRICKS_APP_NAME: empty(source.DATABRICKS_APP_NAME),
    OTEL_METRIC_EXPORT_INTERVAL: empty(source.OTEL_METRIC_EXPORT_INTERVAL),
    OTEL_BSP_SCHEDULE_DELAY: empty(source.OTEL_BSP_SCHEDULE_DELAY),
  });
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`Telemetry is misconfigured:\n  ${problems.join("\n  ")}`);
  }
  return result.data;
}

/** Which Next.js runtime loads this module ("nodejs", "edge"), or undefined outside Next. */
export function nextRuntime(source: EnvSource = process.env): string | undefined {
  return source.NEXT_RUNTIME;
}
