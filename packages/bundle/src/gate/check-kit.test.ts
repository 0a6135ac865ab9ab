import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { scratchDir } from "../testing/scratch-dir.ts";
import { checkKit } from "./check-kit.ts";
import { formatViolation } from "./violation.ts";

// Literal secrets are assembled at runtime so this file never carries one.
const hex = (n: number) => "0123456789abcdef".repeat(4).slice(0, n);
const PAT = `dapi${hex(32)}`;

const BUNDLE = `bundle:
  name: demo
resources:
  apps:
    demo:
      name: demo-\${bundle.target}
      source_code_path: ./app
      resources:
        - name: postgres
          postgres:
            branch: projects/p/branches/b
            database: projects/p/branches/b/databases/d
            permission: CAN_CONNECT_AND_CREATE
`;

const APP_YAML = `command: [node, start.mjs]
env:
  - name: LAKEBASE_ENDPOINT
    valueFrom: postgres
`;

const ENV_TS = `import { z } from "zod";
const schema = z.object({ LAKEBASE_ENDPOINT: z.string() });
export const env = schema.parse(process.env);
`;

/** A throwaway repository with one kit `demo`: apps/demo and bundles/demo, overridable per file. */
function fixture(files: Record<string, string> = {}): string {
  const root = scratchDir("gate-");
  const all: Record<string, string> = {
    "pnpm-workspace.yaml": "packages: []\n",
    "apps/demo/package.json": JSON.stringify({ name: "@appbase/demo" }),
    "apps/demo/src/env.ts": ENV_TS,
    "apps/demo/src/page.ts":
      'import { env } from "./env.ts";\nexport const endpoint = env.LAKEBASE_ENDPOINT;\n',
    "bundles/demo/databricks.yml": BUNDLE,
    "bundles/demo/app.yaml": APP_YAML,
    ...files,
  };
  for (const [path, text] of Object.entries(all)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

function check(files: Record<string, string> = {}): string[] {
  const root = fixture(files);
  return checkKit(root, { kit: "demo", dir: join(root, "apps/demo") }).map((v) => formatViolation(v, root));
}

describe("portability gate", () => {
  it("passes a clean kit", () => {
    expect(check()).toEqual([]);
  });

  it("fails on a workspace host in app code, naming file and line", () => {
    const violations = check({
      "apps/demo/src/genie.ts":
        'export const x = 1;\nconst host = "https://adb-1234567890123456.7.azuredatabricks.net";\n',
    });
    expect(violations).toEqual([
      expect.stringMatching(
        /^apps\/demo\/src\/genie\.ts:2: \[workspace-host\] workspace host adb-1234567890123456\.7\.azuredatabricks\.net/,
      ),
    ]);
  });

  it("fails on a workspace host in databricks.yml", () => {
    const violations = check({
      "bundles/demo/databricks.yml": `${BUNDLE}targets:\n  dev:\n    workspace:\n      host: https://dbc-1a2b3c4d-5e6f.cloud.databricks.com\n`,
    });
    expect(violations).toEqual([
      expect.stringMatching(/^bundles\/demo\/databricks\.yml:17: \[workspace-host\]/),
    ]);
  });

  it("fails on a workspace id and a hard-coded warehouse id", () => {
    const violations = check({
      "apps/demo/src/link.ts": 'export const link = "https://example.com/?o=1234567890123456";\n',
      "bundles/demo/databricks.yml": `${BUNDLE}variables:\n  warehouse:\n    default: x\n    description: d\ntargets:\n  prod:\n    variables:\n      warehouse_id: a1b2c3d4e5f67890\n`,
    });
    expect(violations).toEqual([
      expect.stringMatching(/^apps\/demo\/src\/link\.ts:1: \[workspace-id\] workspace id 1234567890123456/),
      expect.stringMatching(
        /^bundles\/demo\/databricks\.yml:21: \[workspace-id\] warehouse_id a1b2c3d4e5f67890/,
      ),
    ]);
  });

  it("fails on a token without echoing it whole", () => {
    const violations = check({
      "apps/demo/src/client.ts": `const auth = { headers: { Authorization: "Bearer " + "${PAT}" } };\n`,
    });
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatch(
      /^apps\/demo\/src\/client\.ts:1: \[token\] a Databricks personal access token/,
    );
    expect(violations[0]).not.toContain(PAT);
  });

  it("fails on a password in code and a secret value in app.yaml", () => {
    const violations = check({
      "apps/demo/src/db.ts": 'export const config = { user: "app", password: "hunter2-long" };\n',
      "bundles/demo/app.yaml": `${APP_YAML}  - name: PARTNER_API_KEY\n    value: s3cr3t-value\n`,
    });
    expect(violations).toEqual([
      expect.stringMatching(/^apps\/demo\/src\/db\.ts:1: \[password\] password has a literal value/),
      expect.stringMatching(
        /^bundles\/demo\/app\.yaml:6: \[password\] PARTNER_API_KEY carries a literal value/,
      ),
    ]);
  });

  it("fails on a connection string but not on a loopback URL without a password", () => {
    const violations = check({
      "apps/demo/src/pool.ts":
        'export const remote = "postgresql://app@db.internal.example.org:5432/app";\n' +
        'export const prod = "postgres://svc:pw@10.1.2.3:5432/appbase";\n' +
        'export const local = "postgres://postgres@127.0.0.1:5432/postgres";\n' +
        'throw new Error("use postgres://user:password@host:port/database");\n',
    });
    expect(violations).toEqual([
      expect.stringMatching(
        /^apps\/demo\/src\/pool\.ts:2: \[connection-string\] connection string to 10\.1\.2\.3 with a password/,
      ),
    ]);
  });

  it("fails on an environment variable that app.yaml does not bind, in code the app imports from a package", () => {
    const violations = check({
      "packages/flags/package.json": JSON.stringify({
        name: "@appbase/flags",
        exports: { ".": "./src/index.ts" },
      }),
      "packages/flags/src/index.ts": "export const flag = () => process.env.FEATURE_FLAGS;\n",
      "packages/unused/package.json": JSON.stringify({
        name: "@appbase/unused",
        exports: { ".": "./src/index.ts" },
      }),
      "packages/unused/src/index.ts": "export const y = process.env.NEVER_IMPORTED;\n",
      "apps/demo/src/page.ts":
        'import { flag } from "@appbase/flags";\nexport const f = flag();\nconst { DATABRICKS_HOST, MY_SETTING } = process.env;\n',
    });
    expect(violations).toEqual([
      expect.stringMatching(
        /^apps\/demo\/src\/page\.ts:3: \[unbound-env\] reads MY_SETTING, which app\.yaml does not bind/,
      ),
      expect.stringMatching(/^packages\/flags\/src\/index\.ts:1: \[unbound-env\] reads FEATURE_FLAGS/),
    ]);
  });

  it("reads env.ts schemas and accepts bound, injected, local-only and runtime variables", () => {
    const envTs = `import { z } from "zod";
const schema = z.object({
  LAKEBASE_ENDPOINT: z.string(),
  PGHOST: z.string(),
  APPBASE_STATE_DIR: z.string().optional(),
  NODE_ENV: z.string(),
  REPORT_BUCKET: z.string(),
});
export const env = schema.parse(process.env);
`;
    expect(check({ "apps/demo/src/env.ts": envTs })).toEqual([
      expect.stringMatching(/^apps\/demo\/src\/env\.ts:7: \[unbound-env\] reads REPORT_BUCKET/),
    ]);
  });

  it("accepts injected PG* and OTEL_* only when the bundle gives the app a database and telemetry", () => {
    const reads = "export const x = [process.env.PGHOST, process.env.OTEL_EXPORTER_OTLP_ENDPOINT];\n";
    expect(check({ "apps/demo/src/otel.ts": reads })).toEqual([
      expect.stringMatching(
        /^apps\/demo\/src\/otel\.ts:1: \[unbound-env\] reads OTEL_EXPORTER_OTLP_ENDPOINT, which Databricks Apps injects only for an app with a telemetry_export_destinations entry/,
      ),
    ]);
    const withTelemetry = `${BUNDLE}      telemetry_export_destinations:\n        - unity_catalog:\n            logs_table: c.s.l\n            metrics_table: c.s.m\n            traces_table: c.s.t\n`;
    expect(check({ "apps/demo/src/otel.ts": reads, "bundles/demo/databricks.yml": withTelemetry })).toEqual(
      [],
    );
    // Through a complex variable (what generated bundles do, so a region without app telemetry sets []).
    const destinations =
      "variables:\n  telemetry:\n    type: complex\n    description: d\n    default:\n      - unity_catalog:\n          logs_table: c.s.l\n          metrics_table: c.s.m\n          traces_table: c.s.t\n";
    const viaVariable = (variable: string) =>
      `${BUNDLE}      telemetry_export_destinations: \${var.telemetry}\n${variable}`;
    expect(
      check({ "apps/demo/src/otel.ts": reads, "bundles/demo/databricks.yml": viaVariable(destinations) }),
    ).toEqual([]);
    const none = "variables:\n  telemetry:\n    type: complex\n    description: d\n    default: []\n";
    expect(
      check({ "apps/demo/src/otel.ts": reads, "bundles/demo/databricks.yml": viaVariable(none) }),
    ).toHaveLength(1);
  });

  it("fails on a valueFrom naming a resource the bundle does not declare", () => {
    const violations = check({
      "bundles/demo/app.yaml": `${APP_YAML}  - name: WAREHOUSE_ID\n    valueFrom: sql-warehouse\n`,
    });
    expect(violations).toEqual([
      expect.stringMatching(
        /^bundles\/demo\/app\.yaml:6: \[undeclared-resource\] WAREHOUSE_ID reads resource `sql-warehouse`, which app `demo` does not declare \(it has: postgres\)/,
      ),
    ]);
  });

  it("fails on a value_from in inline bundle config naming an undeclared resource", () => {
    const inline = `${BUNDLE}      config:\n        command: [node, start.mjs]\n        env:\n          - name: GENIE_SPACE_ID\n            value_from: genie\n`;
    expect(check({ "bundles/demo/databricks.yml": inline })).toEqual([
      expect.stringMatching(
        /^bundles\/demo\/databricks\.yml:18: \[undeclared-resource\] GENIE_SPACE_ID has value_from `genie`/,
      ),
    ]);
  });

  it("fails on platform-injected variables repeated in app.yaml", () => {
    const violations = check({
      "bundles/demo/app.yaml": `${APP_YAML}  - name: PGHOST\n    value: localhost\n`,
    });
    expect(violations).toEqual([
      expect.stringMatching(/^bundles\/demo\/app\.yaml:5: \[injected-in-app-yaml\] PGHOST is injected/),
    ]);
  });

  it("ignores tests, placeholders and lines that carry an allow comment with a reason", () => {
    expect(
      check({
        "apps/demo/src/client.test.ts": `const token = "${PAT}";\n`,
        "apps/demo/src/docs.ts":
          "// e.g. https://my-workspace.cloud.databricks.com or https://adb-123.azuredatabricks.net\n" +
          '// appbase-gate-allow: the documented host of the public demo workspace\nexport const demo = "https://dbc-9f8e7d6c-1234.cloud.databricks.com";\n',
      }),
    ).toEqual([]);
  });

  it("reports a kit without a bundle", () => {
    const root = fixture();
    expect(checkKit(root, { kit: "other", dir: join(root, "apps/demo") })[0]?.rule).toBe("invalid-bundle");
  });
});
