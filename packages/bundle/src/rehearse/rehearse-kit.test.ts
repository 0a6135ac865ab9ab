import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { type LocalLakebase, serveLocalLakebase } from "@appbase/db/local";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scratchDir } from "../testing/scratch-dir.ts";
import { rehearseKit } from "./rehearse-kit.ts";

const fakeApp = join(import.meta.dirname, "testing", "fake-app", "server.mjs");

const BUNDLE = `bundle:
  name: demo
resources:
  apps:
    demo:
      name: demo-app
      source_code_path: ./app
      resources:
        - name: postgres
          postgres:
            branch: projects/p/branches/b
            database: projects/p/branches/b/databases/d
            permission: CAN_CONNECT_AND_CREATE
        - name: sql-warehouse
          sql_warehouse:
            id: \${var.warehouse_id}
            permission: CAN_USE
`;

function repo(smoke: unknown): string {
  const root = scratchDir("rehearse-");
  const files: Record<string, string> = {
    "bundles/demo/databricks.yml": BUNDLE,
    "bundles/demo/smoke.json": JSON.stringify(smoke),
    "bundles/demo/app/app.yaml": `command: [node, ${JSON.stringify(fakeApp)}, --port, $DATABRICKS_APP_PORT]
env:
  - name: LAKEBASE_ENDPOINT
    valueFrom: postgres
  - name: DATABRICKS_WAREHOUSE_ID
    valueFrom: sql-warehouse
`,
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

let lakebase: LocalLakebase;
beforeAll(async () => {
  lakebase = await serveLocalLakebase({
    dataDir: scratchDir("rehearse-lakebase-"),
    port: 0,
  });
}, 60_000);
afterAll(async () => lakebase?.stop());

const rehearse = (root: string) =>
  rehearseKit({
    repoRoot: root,
    kit: { kit: "demo", health: "/health" },
    stagedDir: join(root, "bundles/demo/app"),
    lakebaseUrl: lakebase.url,
    user: { email: "ada@example.com" },
  });

describe("rehearseKit", () => {
  it("passes when the smoke checks pass through the proxy and the app logged in to Lakebase with a minted token", async () => {
    const root = repo({
      checks: [
        { path: "/whoami", contains: "ada@example.com" },
        { path: "/db", contains: '"answer":42' },
      ],
    });
    const report = await rehearse(root);
    expect(report.smoke.details).toEqual([
      expect.stringMatching(/^ok {3}GET \/whoami → 200/),
      expect.stringMatching(/^ok {3}GET \/db → 200/),
    ]);
    expect(report).toMatchObject({ passed: true, lakebaseMode: true, logins: { accepted: 1, rejected: 0 } });
    expect(report.workspaceApi).toMatchObject({ tokens: 1, credentials: 1 });
    expect(report.resources).toEqual([
      { key: "postgres", type: "postgres", value: "projects/appbase-local/branches/main/endpoints/primary" },
      { key: "sql-warehouse", type: "sql_warehouse", value: "local-warehouse" },
    ]);
    expect(report.env).toEqual(
      expect.arrayContaining(["LAKEBASE_ENDPOINT", "DATABRICKS_HOST", "PGHOST", "PGSSLMODE"]),
    );
  });

  it("fails when the app never logged in to Lakebase with a token although it has a postgres resource", async () => {
    const report = await rehearse(repo({ checks: [{ path: "/health" }] }));
    expect(report.smoke.passed).toBe(true);
    expect(report).toMatchObject({ passed: false, lakebaseMode: false });
  });

  it("fails on a smoke check that does not match", async () => {
    const report = await rehearse(repo({ checks: [{ path: "/missing" }] }));
    expect(report.smoke.details).toEqual(["FAIL GET /missing → 404 (expected 200)"]);
    expect(report.passed).toBe(false);
  });
});

describe("rehearseKit interrupted", () => {
  it("stops the app and fails when aborted while it runs", async () => {
    const root = repo({ checks: [{ path: "/health" }] });
    const interrupted = new AbortController();
    const run = rehearseKit({
      repoRoot: root,
      kit: { kit: "demo", health: "/health" },
      stagedDir: join(root, "bundles/demo/app"),
      lakebaseUrl: lakebase.url,
      signal: interrupted.signal,
      onStep: (message) => {
        if (message.startsWith("starting")) interrupted.abort();
      },
    });
    await expect(run).rejects.toThrow(/interrupted/);
  });
});
