import { describe, expect, it } from "vitest";
import { AppEnvError } from "./env-issues.ts";
import {
  appsPlatformEnvSchema,
  loadAppsPlatformEnv,
  loadLakebasePgEnv,
  loadTelemetryEnv,
} from "./platform-env.ts";
import { normalizeDatabricksHost } from "./platform-env-fields.ts";
import { forbiddenAppYamlVariables, platformInjectedVariables } from "./platform-variables.ts";

const appsEnv = {
  DATABRICKS_APP_NAME: "customer-hub",
  DATABRICKS_WORKSPACE_ID: "1234567890123456",
  DATABRICKS_HOST: "adb-1234567890123456.7.azuredatabricks.net",
  DATABRICKS_APP_PORT: "8000",
  DATABRICKS_CLIENT_ID: "6f1a0f0e-0000-4000-8000-000000000001",
  DATABRICKS_CLIENT_SECRET: "dose-very-secret",
};

function issuesOf(load: () => unknown): string[] {
  try {
    load();
  } catch (error) {
    expect(error).toBeInstanceOf(AppEnvError);
    return (error as AppEnvError).issues.map((issue) => issue.message);
  }
  throw new Error("expected the environment to be rejected");
}

describe("normalizeDatabricksHost", () => {
  it.each([
    ["adb-1.2.azuredatabricks.net", "https://adb-1.2.azuredatabricks.net"],
    ["https://adb-1.2.azuredatabricks.net", "https://adb-1.2.azuredatabricks.net"],
    ["https://adb-1.2.azuredatabricks.net/", "https://adb-1.2.azuredatabricks.net"],
    ["HTTPS://Dbc-a1b2.cloud.databricks.com", "https://dbc-a1b2.cloud.databricks.com"],
    ["  dbc-a1b2.cloud.databricks.com  ", "https://dbc-a1b2.cloud.databricks.com"],
    ["http://127.0.0.1:4100", "http://127.0.0.1:4100"],
  ])("%j → %s", (raw, normalized) => {
    expect(normalizeDatabricksHost(raw)).toBe(normalized);
  });

  it.each([
    ["", /workspace host/],
    ["https://x.cloud.databricks.com/sql/1.0", /without path/],
    ["https://user:pw@x.cloud.databricks.com", /credentials/],
    ["ftp://x.cloud.databricks.com", /https/],
    ["not a host", /workspace host/],
  ])("rejects %j", (raw, message) => {
    expect(() => normalizeDatabricksHost(raw)).toThrow(message);
  });
});

describe("loadAppsPlatformEnv", () => {
  it("returns typed, normalized values", () => {
    expect(loadAppsPlatformEnv(appsEnv)).toEqual({
      ...appsEnv,
      DATABRICKS_HOST: "https://adb-1234567890123456.7.azuredatabricks.net",
      DATABRICKS_APP_PORT: 8000,
    });
  });

  it("is also a plain zod model of the raw environment", () => {
    expect(appsPlatformEnvSchema.parse(appsEnv)).toEqual(loadAppsPlatformEnv(appsEnv));
    expect(appsPlatformEnvSchema.safeParse({ ...appsEnv, DATABRICKS_APP_PORT: "0" }).success).toBe(false);
  });

  it.each(Object.keys(appsEnv))("names %s when it is missing and says it is injected", (name) => {
    const messages = issuesOf(() => loadAppsPlatformEnv({ ...appsEnv, [name]: undefined }));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(new RegExp(`^${name} is missing: Databricks Apps injects it into every app`));
    expect(messages[0]).toContain("Do not bind it in app.yaml");
  });

  it.each([
    ["DATABRICKS_APP_PORT", "eighty", /expected a port number, got "eighty"/],
    ["DATABRICKS_APP_PORT", "70000", /between 1 and 65535/],
    ["DATABRICKS_HOST", "https://x.cloud.databricks.com/path", /without path/],
  ])("reports %s=%j as malformed", (name, value, message) => {
    const messages = issuesOf(() => loadAppsPlatformEnv({ ...appsEnv, [name]: value }));
    expect(messages).toEqual([expect.stringMatching(new RegExp(`^${name} is malformed: `))]);
    expect(messages[0]).toMatch(message);
  });

  it("lists every problem at once", () => {
    const messages = issuesOf(() => loadAppsPlatformEnv({ DATABRICKS_APP_PORT: "x" }));
    expect(messages).toHaveLength(6);
  });
});

describe("loadLakebasePgEnv", () => {
  const pgEnv = {
    PGAPPNAME: "customer-hub",
    PGDATABASE: "databricks_postgres",
    PGHOST: "ep-1.database.us-east-1.cloud.databricks.com",
    PGPORT: "5432",
    PGSSLMODE: "require",
    PGUSER: "6f1a0f0e-0000-4000-8000-000000000001",
  };

  it("parses the injected connection settings", () => {
    expect(loadLakebasePgEnv(pgEnv)).toEqual({ ...pgEnv, PGPORT: 5432 });
  });

  it("treats PGAPPNAME as optional", () => {
    expect(loadLakebasePgEnv({ ...pgEnv, PGAPPNAME: undefined }).PGAPPNAME).toBeUndefined();
  });

  it.each(["PGDATABASE", "PGHOST", "PGPORT", "PGSSLMODE", "PGUSER"])("names %s when missing", (name) => {
    const messages = issuesOf(() => loadLakebasePgEnv({ ...pgEnv, [name]: undefined }));
    expect(messages).toEqual([
      expect.stringMatching(new RegExp(`^${name} is missing: .*first \`postgres\` resource`)),
    ]);
  });

  it("rejects an unknown sslmode", () => {
    expect(issuesOf(() => loadLakebasePgEnv({ ...pgEnv, PGSSLMODE: "on" }))[0]).toMatch(
      /^PGSSLMODE is malformed/,
    );
  });
});

describe("loadTelemetryEnv", () => {
  it("is empty when telemetry is off", () => {
    expect(loadTelemetryEnv({})).toEqual({});
  });

  it("parses the resource attributes", () => {
    const telemetry = loadTelemetryEnv({
      OTEL_EXPORTER_OTLP_ENDPOINT: "http://localhost:4314",
      OTEL_EXPORTER_OTLP_PROTOCOL: "grpc",
      OTEL_RESOURCE_ATTRIBUTES: "workspace.id=123,app.name=customer-hub",
    });
    expect(telemetry.OTEL_RESOURCE_ATTRIBUTES).toEqual({ "workspace.id": "123", "app.name": "customer-hub" });
  });

  it("rejects malformed values", () => {
    const messages = issuesOf(() =>
      loadTelemetryEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: "localhost", OTEL_RESOURCE_ATTRIBUTES: "just-a-word" }),
    );
    expect(messages.map((message) => message.split(" ")[0])).toEqual([
      "OTEL_EXPORTER_OTLP_ENDPOINT",
      "OTEL_RESOURCE_ATTRIBUTES",
    ]);
  });
});

describe("injected variable lists", () => {
  it("never lets app.yaml carry PG* variables or PGPASSWORD", () => {
    for (const name of ["PGHOST", "PGDATABASE", "PGUSER", "PGPORT", "PGSSLMODE", "PGAPPNAME", "PGPASSWORD"]) {
      expect(forbiddenAppYamlVariables).toContain(name);
    }
    expect(platformInjectedVariables).not.toContain("PGPASSWORD");
  });
});
