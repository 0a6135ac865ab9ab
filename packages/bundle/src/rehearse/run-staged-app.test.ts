import { tmpdir } from "node:os";
import { join } from "node:path";
import { type AppYaml, defaultLocalResources, LOCAL_LAKEBASE_ENDPOINT } from "@appbase/bindings";
import { freePort } from "@appbase/db/local";
import { afterEach, describe, expect, it } from "vitest";
import { scratchDir } from "../testing/scratch-dir.ts";
import { appsEnv } from "./apps-env.ts";
import { type LocalWorkspaceApi, startLocalWorkspaceApi } from "./local-workspace-api.ts";
import { type RunningApp, startStagedApp } from "./run-staged-app.ts";

const fakeApp = join(import.meta.dirname, "testing", "fake-app", "server.mjs");
const lakebaseUrl = "postgres://postgres@127.0.0.1:54329/postgres";

const appYaml: AppYaml = {
  // `$HOME` and `;` would mean something to a shell; the platform passes them through literally.
  command: ["node", fakeApp, "--port", "$DATABRICKS_APP_PORT", "$HOME;echo", "x"],
  env: [
    { name: "LAKEBASE_ENDPOINT", valueFrom: "postgres" },
    { name: "DATABRICKS_WAREHOUSE_ID", valueFrom: "sql-warehouse" },
    { name: "LOG_LEVEL", value: "debug" },
  ],
};

let api: LocalWorkspaceApi | undefined;
let app: RunningApp | undefined;
afterEach(async () => {
  await app?.stop(2_000);
  await api?.close();
  app = undefined;
  api = undefined;
});

async function rehearse(): Promise<{ app: RunningApp; api: LocalWorkspaceApi }> {
  api = await startLocalWorkspaceApi({
    clientId: "rehearsal-sp",
    clientSecret: "rehearsal-secret",
    endpoints: [LOCAL_LAKEBASE_ENDPOINT],
  });
  const port = await freePort();
  const resources = defaultLocalResources({ lakebaseUrl, platformUrl: api.url });
  resources.resources["sql-warehouse"] = { type: "sql_warehouse", value: "local-warehouse" };
  const env = appsEnv({
    appYaml,
    appName: "demo-rehearsal",
    port,
    resources,
    platformUrl: api.url,
    clientId: "rehearsal-sp",
    clientSecret: "rehearsal-secret",
    hostEnv: { PATH: process.env.PATH, HOME: "/home/rehearsal", DEVELOPER_SECRET: "must-not-leak" },
  });
  app = await startStagedApp({
    stagedDir: scratchDir("staged-"),
    appYaml,
    env,
    port,
    healthPath: "/health",
  });
  return { app, api };
}

describe("staged app rehearsal", () => {
  it("runs the command without a shell, substituting only DATABRICKS_APP_PORT", async () => {
    const { app } = await rehearse();
    const seen = (await (await fetch(`${app.url}/env`)).json()) as { argv: string[] };
    expect(seen.argv).toEqual(["--port", new URL(app.url).port, "$HOME;echo", "x"]);
  });

  it("resolves valueFrom from the local resource map and injects the platform variables", async () => {
    const { app, api } = await rehearse();
    const { env } = (await (await fetch(`${app.url}/env`)).json()) as { env: Record<string, string> };
    expect(env).toMatchObject({
      LAKEBASE_ENDPOINT: LOCAL_LAKEBASE_ENDPOINT,
      DATABRICKS_WAREHOUSE_ID: "local-warehouse",
      LOG_LEVEL: "debug",
      DATABRICKS_APP_NAME: "demo-rehearsal",
      DATABRICKS_APP_PORT: new URL(app.url).port,
      DATABRICKS_HOST: api.url,
      DATABRICKS_CLIENT_ID: "rehearsal-sp",
      PGHOST: "127.0.0.1",
      PGPORT: "54329",
      PGDATABASE: "postgres",
      PGSSLMODE: "disable",
    });
    expect(env).not.toHaveProperty("DEVELOPER_SECRET");
    expect(env).not.toHaveProperty("PGPASSWORD");
  });

  it("serves Lakebase credentials to @databricks/lakebase through the local workspace API", async () => {
    const { app, api } = await rehearse();
    const result = (await (await fetch(`${app.url}/lakebase`)).json()) as {
      ok: boolean;
      expire_time?: string;
      error?: string;
    };
    expect(result.error).toBeUndefined();
    expect(Date.parse(result.expire_time ?? "")).toBeGreaterThan(Date.now());
    expect(api.counters).toMatchObject({ discovery: 1, tokens: 1, credentials: 1, rejected: 0 });
  });

  it("fails with the app's output when it never becomes healthy", async () => {
    const port = await freePort();
    const broken: AppYaml = {
      command: ["node", "-e", "console.log('boom: missing DATABASE'); process.exit(3)"],
      env: [],
    };
    await expect(
      startStagedApp({
        stagedDir: tmpdir(),
        appYaml: broken,
        env: { PATH: process.env.PATH ?? "" },
        port,
        healthPath: "/health",
      }),
    ).rejects.toThrow(/exited \(code 3\)[\s\S]*boom: missing DATABASE/);
  });
});
