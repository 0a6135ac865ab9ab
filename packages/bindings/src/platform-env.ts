import { z } from "zod";
import { AppEnvError, type EnvRecord } from "./env-issues.ts";
import {
  type PlatformVariableGroup,
  type PlatformVariableName,
  platformVariables,
} from "./platform-variables.ts";
import { checkVariables, type VariableSpec } from "./variable-check.ts";

const v = platformVariables;

/** zod model of the variables injected into every app (raw env strings in, typed values out). */
export const appsPlatformEnvSchema = z.object({
  DATABRICKS_APP_NAME: v.DATABRICKS_APP_NAME.schema,
  DATABRICKS_WORKSPACE_ID: v.DATABRICKS_WORKSPACE_ID.schema,
  DATABRICKS_HOST: v.DATABRICKS_HOST.schema,
  DATABRICKS_APP_PORT: v.DATABRICKS_APP_PORT.schema,
  DATABRICKS_CLIENT_ID: v.DATABRICKS_CLIENT_ID.schema,
  DATABRICKS_CLIENT_SECRET: v.DATABRICKS_CLIENT_SECRET.schema,
});
export type AppsPlatformEnv = z.output<typeof appsPlatformEnvSchema>;

/** zod model of the telemetry variables; all absent when app telemetry is off. */
export const telemetryEnvSchema = z.object({
  OTEL_EXPORTER_OTLP_ENDPOINT: v.OTEL_EXPORTER_OTLP_ENDPOINT.schema.optional(),
  OTEL_EXPORTER_OTLP_PROTOCOL: v.OTEL_EXPORTER_OTLP_PROTOCOL.schema.optional(),
  OTEL_RESOURCE_ATTRIBUTES: v.OTEL_RESOURCE_ATTRIBUTES.schema.optional(),
  OTEL_SERVICE_NAME: v.OTEL_SERVICE_NAME.schema.optional(),
});
export type TelemetryEnv = z.output<typeof telemetryEnvSchema>;

/** zod model of the `PG*` variables injected for the app's first Lakebase resource (never a password). */
export const lakebasePgEnvSchema = z.object({
  PGAPPNAME: v.PGAPPNAME.schema.optional(),
  PGDATABASE: v.PGDATABASE.schema,
  PGHOST: v.PGHOST.schema,
  PGPORT: v.PGPORT.schema,
  PGSSLMODE: v.PGSSLMODE.schema,
  PGUSER: v.PGUSER.schema,
});
export type LakebasePgEnv = z.output<typeof lakebasePgEnvSchema>;

const howInjected: Record<PlatformVariableGroup, string> = {
  "every-app":
    "Databricks Apps injects it into every app; outside Apps the appbase local runner sets it. Do not bind it in app.yaml",
  telemetry:
    "Databricks Apps injects it when app telemetry is enabled (telemetry_export_destinations in databricks.yml). Do not bind it in app.yaml",
  lakebase:
    "Databricks Apps injects it for the app's first `postgres` resource in databricks.yml. Do not bind it in app.yaml",
};

function loadGroup<S extends z.ZodObject>(
  group: PlatformVariableGroup,
  schema: S,
  env: EnvRecord,
): z.output<S> {
  const specs: VariableSpec[] = Object.entries(schema.shape).map(([name, field]) => ({
    name,
    schema: field as z.ZodType,
    optional: (field as z.ZodType).safeParse(undefined).success,
    sensitive: "sensitive" in platformVariables[name as PlatformVariableName],
    whenMissing: howInjected[group],
    whenMalformed: howInjected[group],
  }));
  const { values, issues } = checkVariables(env, specs);
  if (issues.length > 0) throw new AppEnvError(issues, `The ${group} platform variables are not valid`);
  return values as z.output<S>;
}

/** Validates the variables injected into every app; throws one `AppEnvError` listing each missing or malformed one. */
export function loadAppsPlatformEnv(env: EnvRecord): AppsPlatformEnv {
  return loadGroup("every-app", appsPlatformEnvSchema, env);
}

/** Reads the telemetry variables (all absent when app telemetry is off); throws if one is present but malformed. */
export function loadTelemetryEnv(env: EnvRecord): TelemetryEnv {
  return loadGroup("telemetry", telemetryEnvSchema, env);
}

/** Validates the `PG*` variables Apps injects for a Lakebase resource; throws one `AppEnvError` listing each problem. */
export function loadLakebasePgEnv(env: EnvRecord): LakebasePgEnv {
  return loadGroup("lakebase", lakebasePgEnvSchema, env);
}
