import { describe, expect, it } from "vitest";
import { generateAppYaml, parseAppYaml } from "./app-yaml.ts";
import { defineAppEnv } from "./define-app-env.ts";
import { defaultLocalResources, resolveValueFrom } from "./local-resources.ts";
import { LocalResourcesError } from "./local-resources-schema.ts";
import { loadAppsPlatformEnv, loadLakebasePgEnv } from "./platform-env.ts";
import { detectRuntimeMode } from "./runtime-mode.ts";
import { simulatePlatformEnv } from "./simulate-platform-env.ts";

const appEnv = defineAppEnv({
  bindings: {
    LAKEBASE_ENDPOINT: { resource: "postgres", type: "postgres", description: "state" },
    WAREHOUSE_ID: { resource: "sql_warehouse", type: "sql_warehouse", description: "lakehouse" },
  },
  values: { PAGE_SIZE: { default: "25" } },
});
const lakebaseUrl = "postgres://postgres@127.0.0.1:54320/appbase?sslmode=disable";

describe("simulatePlatformEnv (local rehearsal in Apps mode)", () => {
  const resources = defaultLocalResources({ lakebaseUrl, platformUrl: "http://127.0.0.1:4100" });
  const appYaml = parseAppYaml(
    generateAppYaml({ command: ["npm", "run", "start"], env: appEnv.appYamlEnv() }),
  );

  it("builds an environment every loader accepts, in Apps mode", () => {
    const env = {
      ...simulatePlatformEnv({ appName: "customer-hub", port: 8123, resources, appYaml }),
      ...resolveValueFrom(appYaml, resources),
    };
    expect(detectRuntimeMode(env)).toBe("apps");
    expect(loadAppsPlatformEnv(env)).toMatchObject({
      DATABRICKS_HOST: "http://127.0.0.1:4100",
      DATABRICKS_APP_PORT: 8123,
    });
    expect(loadLakebasePgEnv(env)).toEqual({
      PGAPPNAME: "customer-hub",
      PGHOST: "127.0.0.1",
      PGPORT: 54320,
      PGDATABASE: "appbase",
      PGUSER: "postgres",
      PGSSLMODE: "disable",
    });
    expect(appEnv.loadEnv(env)).toEqual({
      LAKEBASE_ENDPOINT: "projects/appbase-local/branches/main/endpoints/primary",
      WAREHOUSE_ID: "local-warehouse",
      PAGE_SIZE: "25",
    });
  });

  it("injects no PG* variables for an app that binds no postgres resource", () => {
    const noDb = parseAppYaml("command: [node]\nenv:\n  - name: WAREHOUSE_ID\n    valueFrom: sql_warehouse");
    const env = simulatePlatformEnv({ appName: "x", port: 8000, resources, appYaml: noDb });
    expect(Object.keys(env).filter((name) => name.startsWith("PG"))).toEqual([]);
  });

  it("needs a platform URL to stand in for DATABRICKS_HOST", () => {
    const withoutPlatform = defaultLocalResources({ lakebaseUrl });
    expect(() => simulatePlatformEnv({ appName: "x", port: 8000, resources: withoutPlatform })).toThrow(
      LocalResourcesError,
    );
    expect(() => simulatePlatformEnv({ appName: "x", port: 8000, resources: withoutPlatform })).toThrow(
      /platformUrl is missing/,
    );
  });
});
