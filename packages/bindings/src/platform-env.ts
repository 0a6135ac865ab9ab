import { z } from "zod";
import { AppEnvError, type EnvRecord } from "./env-issues.ts";
import { checkVariables, type VariableSpec } from "./variable-check.ts";

/** Turns `DATABRICKS_HOST` into an origin (`https://host`), accepting it with or without the scheme. */
export function normalizeDatabricksHost(raw: string): string {
  const trimmed = raw.trim();
  if (trimmed === "")
    throw new Error("expected a workspace host such as https://adb-123.azuredatabricks.net");
  // The platform's value may or may not carry the scheme (reference §1.2, unconfirmed): assume https.
  // http is kept as given so a local rehearsal can point DATABRICKS_HOST at the local platform process.
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new Error("expected a workspace host such as https://adb-123.azuredatabricks.net");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new Error(`expected an https:// workspace host, not ${url.protocol}//`);
  }
  if (url.pathname !== "/" || url.search !== "" || url.hash !== "" || url.username !== "") {
    throw new Error("expected only the workspace host, without path, query or credentials");
  }
  return url.origin;
}

export const databricksHostSchema = z.string().transform((value, ctx) => {
  try {
    return normalizeDatabricksHost(value);
  } catch (error) {
    ctx.issues.push({ code: "custom", message: (error as Error).message, input: value });
    return z.NEVER;
  }
});

export const portSchema = z
  .string()
  .regex(/^[0-9]+$/, { error: "expected a port number" })
  .transform(Number)
  .refine((port) => port >= 1 && port <= 65_535, { error: "expected a port between 1 and 65535" });

const nonEmpty = z.string().min(1, { error: "expected a non-empty value" });

/** `key=value,key=value` as used by `OTEL_RESOURCE_ATTRIBUTES`. */
export const otelResourceAttributesSchema = z.string().transform((value, ctx) => {
  const attributes: Record<string, string> = {};
  for (const pair of value.split(",")) {
    const at = pair.indexOf("=");
    if (at <= 0) {
      ctx.issues.push({
        code: "custom",
        message: `expected key=value pairs separated by commas`,
        input: value,
      });
      return z.NEVER;
    }
    attributes[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  return attributes;
});

const pgSslModes = ["disable", "allow", "prefer", "require", "verify-ca", "verify-full"] as const;

type Group = "every-app" | "telemetry" | "lakebase";
interface PlatformVariable {
  group: Group;
  description: string;
  schema: z.ZodType<unknown, string>;
  sensitive?: boolean;
}

/** Every variable Databricks Apps injects (reference §1.2), with its group and how it is validated. */
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

const howInjected: Record<Group, string> = {
  "every-app":
    "Databricks Apps injects it into every app; outside Apps the appbase local runner sets it. Do not bind it in app.yaml",
  telemetry:
    "Databricks Apps injects it when app telemetry is enabled (telemetry_export_destinations in databricks.yml). Do not bind it in app.yaml",
  lakebase:
    "Databricks Apps injects it for the app's first `postgres` resource in databricks.yml. Do not bind it in app.yaml",
};

function loadGroup<S extends z.ZodRawShape>(group: Group, shape: S, env: EnvRecord, optional: boolean) {
  const specs: VariableSpec[] = Object.keys(shape).map((name) => {
    const variable = platformVariables[name as PlatformVariableName] as PlatformVariable;
    return {
      name,
      schema: variable.schema,
      optional: optional || name === "OTEL_SERVICE_NAME" || name === "PGAPPNAME",
      sensitive: variable.sensitive === true,
      whenMissing: howInjected[group],
      whenMalformed: howInjected[group],
    };
  });
  const { values, issues } = checkVariables(env, specs);
  if (issues.length > 0) throw new AppEnvError(issues, `The ${group} platform variables are not valid`);
  return z.object(shape).parse(values) as z.output<z.ZodObject<S>>;
}

const appsPlatformShape = {
  DATABRICKS_APP_NAME: z.string(),
  DATABRICKS_WORKSPACE_ID: z.string(),
  DATABRICKS_HOST: z.string(),
  DATABRICKS_APP_PORT: z.number(),
  DATABRICKS_CLIENT_ID: z.string(),
  DATABRICKS_CLIENT_SECRET: z.string(),
};
export type AppsPlatformEnv = z.output<z.ZodObject<typeof appsPlatformShape>>;

/** Validates the variables injected into every app; throws one `AppEnvError` listing each missing or malformed one. */
export function loadAppsPlatformEnv(env: EnvRecord): AppsPlatformEnv {
  return loadGroup("every-app", appsPlatformShape, env, false);
}

const telemetryShape = {
  OTEL_EXPORTER_OTLP_ENDPOINT: z.string().optional(),
  OTEL_EXPORTER_OTLP_PROTOCOL: z.string().optional(),
  OTEL_RESOURCE_ATTRIBUTES: z.record(z.string(), z.string()).optional(),
  OTEL_SERVICE_NAME: z.string().optional(),
};
export type TelemetryEnv = z.output<z.ZodObject<typeof telemetryShape>>;

/** Reads the telemetry variables (all absent when app telemetry is off); throws if one is present but malformed. */
export function loadTelemetryEnv(env: EnvRecord): TelemetryEnv {
  return loadGroup("telemetry", telemetryShape, env, true);
}

const lakebasePgShape = {
  PGAPPNAME: z.string().optional(),
  PGDATABASE: z.string(),
  PGHOST: z.string(),
  PGPORT: z.number(),
  PGSSLMODE: z.enum(pgSslModes),
  PGUSER: z.string(),
};
export type LakebasePgEnv = z.output<z.ZodObject<typeof lakebasePgShape>>;

/** Validates the `PG*` variables Apps injects for a Lakebase resource; throws one `AppEnvError` listing each problem. */
export function loadLakebasePgEnv(env: EnvRecord): LakebasePgEnv {
  return loadGroup("lakebase", lakebasePgShape, env, false);
}
