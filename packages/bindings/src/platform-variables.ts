import { z } from "zod";
import {
  databricksHostSchema,
  nonEmpty,
  otelResourceAttributesSchema,
  portSchema,
} from "./platform-env-fields.ts";

export const pgSslModes = ["disable", "allow", "prefer", "require", "verify-ca", "verify-full"] as const;

export type PlatformVariableGroup = "every-app" | "telemetry" | "lakebase";
interface PlatformVariable {
  group: PlatformVariableGroup;
  description: string;
  schema: z.ZodType;
  sensitive?: boolean;
}

/** Every variable Databricks Apps injects, with its group and how it is validated. */
export const platformVariables = {
  DATABRICKS_APP_NAME: { group: "every-app", description: "The name of the running app.", schema: nonEmpty },
  DATABRICKS_WORKSPACE_ID: {
    group: "every-app",
    description: "The unique ID for the Databricks workspace the app belongs to.",
    schema: nonEmpty,
  },
  DATABRICKS_HOST: {
    group: "every-app",
    description: "The URL of the Databricks workspace to which the app belongs.",
    schema: databricksHostSchema,
  },
  DATABRICKS_APP_PORT: {
    group: "every-app",
    description: "The network port the app should listen on.",
    schema: portSchema,
  },
  DATABRICKS_CLIENT_ID: {
    group: "every-app",
    description: "The client ID for the Databricks service principal assigned to the app.",
    schema: nonEmpty,
  },
  DATABRICKS_CLIENT_SECRET: {
    group: "every-app",
    description: "The OAuth secret for the Databricks service principal assigned to the app.",
    schema: nonEmpty,
    sensitive: true,
  },
  OTEL_EXPORTER_OTLP_ENDPOINT: {
    group: "telemetry",
    description: "The OTLP collector endpoint",
    schema: z.url(),
  },
  OTEL_EXPORTER_OTLP_PROTOCOL: { group: "telemetry", description: "The export protocol", schema: nonEmpty },
  OTEL_RESOURCE_ATTRIBUTES: {
    group: "telemetry",
    description: "Resource attributes for trace context",
    schema: otelResourceAttributesSchema,
  },
  OTEL_SERVICE_NAME: { group: "telemetry", description: "The service name", schema: nonEmpty },
  PGAPPNAME: { group: "lakebase", description: "App name", schema: nonEmpty },
  PGDATABASE: { group: "lakebase", description: "Name of the database", schema: nonEmpty },
  PGHOST: { group: "lakebase", description: "Host name of the PostgreSQL server", schema: nonEmpty },
  PGPORT: { group: "lakebase", description: "Port for the PostgreSQL server", schema: portSchema },
  PGSSLMODE: { group: "lakebase", description: "SSL mode for the connection", schema: z.enum(pgSslModes) },
  PGUSER: { group: "lakebase", description: "Service principal's client ID and role name", schema: nonEmpty },
} as const satisfies Record<string, PlatformVariable>;

export type PlatformVariableName = keyof typeof platformVariables;

/** Names the platform injects; app.yaml must not declare them and the portability gate allows code to read them. */
export const platformInjectedVariables = Object.keys(platformVariables) as PlatformVariableName[];

/** Variables app.yaml must never carry: the injected ones, and `PGPASSWORD` (Lakebase passwords are OAuth tokens). */
export const forbiddenAppYamlVariables: readonly string[] = [...platformInjectedVariables, "PGPASSWORD"];
