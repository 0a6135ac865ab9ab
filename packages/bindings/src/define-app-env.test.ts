import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineAppEnv } from "./define-app-env.ts";
import { AppEnvError, describeValue } from "./env-issues.ts";
import { type ResourceType, resourceTypeInfo, resourceTypes } from "./resource-types.ts";

const hubEnv = defineAppEnv({
  bindings: {
    LAKEBASE_ENDPOINT: { resource: "postgres", type: "postgres", description: "Operational state" },
    WAREHOUSE_ID: { resource: "sql_warehouse", type: "sql_warehouse", description: "Lakehouse reads" },
    GENIE_SPACE_ID: {
      resource: "genie",
      type: "genie_space",
      optional: true,
      description: "Conversational questions",
    },
  },
  values: {
    PAGE_SIZE: { default: "50", schema: z.coerce.number().int().positive() },
    BRAND: { default: "Customer Hub" },
  },
});

const goodEnv = {
  LAKEBASE_ENDPOINT: "projects/hub/branches/main/endpoints/ep-1",
  WAREHOUSE_ID: "a1b2c3d4e5f67890",
};

function issues(load: () => unknown) {
  try {
    load();
  } catch (error) {
    expect(error).toBeInstanceOf(AppEnvError);
    return (error as AppEnvError).issues;
  }
  throw new Error("expected loadEnv to throw");
}

describe("defineAppEnv().loadEnv", () => {
  it("returns typed values with defaults applied and optional bindings undefined", () => {
    expect(hubEnv.loadEnv(goodEnv)).toEqual({
      ...goodEnv,
      GENIE_SPACE_ID: undefined,
      PAGE_SIZE: 50,
      BRAND: "Customer Hub",
    });
  });

  it("lets the environment override a value, validated by its schema", () => {
    expect(hubEnv.loadEnv({ ...goodEnv, PAGE_SIZE: "200" }).PAGE_SIZE).toBe(200);
    const [issue] = issues(() => hubEnv.loadEnv({ ...goodEnv, PAGE_SIZE: "-3" }));
    expect(issue?.message).toMatch(
      /^PAGE_SIZE is malformed: .*got "-3"; fix `- name: PAGE_SIZE \/ value: \.\.\.` in app\.yaml/,
    );
    expect(issue?.message).toContain('default "50"');
  });

  it("throws ONE error listing every problem, one line each", () => {
    const error = (() => {
      try {
        hubEnv.loadEnv({ WAREHOUSE_ID: "not a warehouse", GENIE_SPACE_ID: "g g" });
      } catch (caught) {
        return caught as AppEnvError;
      }
      throw new Error("expected loadEnv to throw");
    })();
    expect(error.issues.map((issue) => [issue.variable, issue.problem])).toEqual([
      ["LAKEBASE_ENDPOINT", "missing"],
      ["WAREHOUSE_ID", "malformed"],
      ["GENIE_SPACE_ID", "malformed"],
    ]);
    expect(error.message.split("\n")).toHaveLength(4);
    expect(error.message).toContain("(3 problems)");
  });

  it("explains how to bind a missing Lakebase endpoint", () => {
    const [issue] = issues(() => hubEnv.loadEnv({ WAREHOUSE_ID: "w1" }));
    expect(issue?.message).toBe(
      "LAKEBASE_ENDPOINT is missing: add a `postgres` resource named `postgres` to the app in databricks.yml and " +
        "`- name: LAKEBASE_ENDPOINT / valueFrom: postgres` to app.yaml; " +
        "locally it comes from the local resource map (.appbase/resources.json)",
    );
  });

  it("treats an empty string as missing", () => {
    expect(issues(() => hubEnv.loadEnv({ ...goodEnv, WAREHOUSE_ID: "" }))[0]?.problem).toBe("missing");
  });

  it("checkEnv returns the problems instead of throwing", () => {
    const result = hubEnv.checkEnv({});
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.issues.map((issue) => issue.variable)).toEqual(["LAKEBASE_ENDPOINT", "WAREHOUSE_ID"]);
    expect(hubEnv.checkEnv(goodEnv).ok).toBe(true);
  });
});

const malformedByType: Record<ResourceType, string> = {
  postgres: "projects/p/branches/b",
  database: "https://host",
  sql_warehouse: "a b",
  genie_space: "a b",
  serving_endpoint: "a/b",
  secret: "",
  job: "nightly",
  experiment: "/Users/me/exp",
  app: "My_App",
  uc_table: "gold.customers",
  uc_volume: "/Volumes/main/raw",
  uc_connection: "a.b",
};

describe.each(resourceTypes)("a %s binding", (type) => {
  const info = resourceTypeInfo[type];
  const appEnv = defineAppEnv({
    bindings: { BOUND: { resource: "the-resource", type, description: "test" } },
    localResourcesFile: "/state/resources.json",
  });

  it("is missing: names the variable, the resource type and key, app.yaml line and the local map", () => {
    const [issue] = issues(() => appEnv.loadEnv({}));
    expect(issue?.variable).toBe("BOUND");
    expect(issue?.problem).toBe("missing");
    expect(issue?.message).toContain(`\`${info.bundle.field}\` resource`);
    if (info.bundle.securableType)
      expect(issue?.message).toContain(`securable_type ${info.bundle.securableType}`);
    expect(issue?.message).toContain("named `the-resource`");
    expect(issue?.message).toContain("`- name: BOUND / valueFrom: the-resource` to app.yaml");
    expect(issue?.message).toContain("/state/resources.json");
  });

  it("is malformed: says what was expected and shows an example", () => {
    const malformed = malformedByType[type];
    // An empty secret counts as unset; every other malformed value reaches the schema.
    const [issue] = issues(() => appEnv.loadEnv({ BOUND: malformed }));
    expect(issue?.variable).toBe("BOUND");
    if (type === "secret") return expect(issue?.problem).toBe("missing");
    expect(issue?.problem).toBe("malformed");
    expect(issue?.message).toMatch(/^BOUND is malformed: expected /);
    expect(issue?.message).toContain(`got ${JSON.stringify(malformed)}`);
    expect(issue?.message).toContain(info.example);
  });
});

describe("defineAppEnv outputs", () => {
  it("yields app.yaml env entries: bindings as valueFrom, values as value", () => {
    expect(hubEnv.appYamlEnv()).toEqual([
      { name: "LAKEBASE_ENDPOINT", valueFrom: "postgres" },
      { name: "WAREHOUSE_ID", valueFrom: "sql_warehouse" },
      { name: "GENIE_SPACE_ID", valueFrom: "genie" },
      { name: "PAGE_SIZE", value: "50" },
      { name: "BRAND", value: "Customer Hub" },
    ]);
  });

  it("leaves out optional bindings whose resource the deployment lacks", () => {
    const names = (keys: string[]) => hubEnv.appYamlEnv({ resourceKeys: keys }).map((entry) => entry.name);
    expect(names(["postgres", "sql_warehouse"])).toEqual([
      "LAKEBASE_ENDPOINT",
      "WAREHOUSE_ID",
      "PAGE_SIZE",
      "BRAND",
    ]);
    expect(names(["postgres", "sql_warehouse", "genie"])).toContain("GENIE_SPACE_ID");
    // Required bindings stay, so validateAppYaml can name the missing resource.
    expect(names([])).toEqual(["LAKEBASE_ENDPOINT", "WAREHOUSE_ID", "PAGE_SIZE", "BRAND"]);
  });

  it("lists the variables the app reads and the resource keys it binds", () => {
    expect(hubEnv.variableNames).toEqual([
      "LAKEBASE_ENDPOINT",
      "WAREHOUSE_ID",
      "GENIE_SPACE_ID",
      "PAGE_SIZE",
      "BRAND",
    ]);
    const shared = defineAppEnv({
      bindings: {
        PRIMARY: { resource: "postgres", type: "postgres", description: "a" },
        ALSO_PRIMARY: { resource: "postgres", type: "postgres", description: "b" },
      },
    });
    expect(shared.resourceKeys).toEqual(["postgres"]);
  });
});

describe("defineAppEnv rejects bad declarations", () => {
  it.each([
    [
      { bindings: { PGHOST: { resource: "postgres", type: "postgres", description: "" } } },
      /PGHOST: the platform injects it/,
    ],
    [{ bindings: {}, values: { PGPASSWORD: { default: "x" } } }, /PGPASSWORD/],
    [
      { bindings: {}, values: { DATABRICKS_HOST: { default: "x" } } },
      /DATABRICKS_HOST: the platform injects it/,
    ],
    [
      { bindings: { "1BAD": { resource: "r", type: "job", description: "" } } },
      /1BAD: not a valid environment variable name/,
    ],
    [
      { bindings: { A: { resource: "has space", type: "job", description: "" } } },
      /A: resource key "has space"/,
    ],
    [{ bindings: { A: { resource: "r", type: "warehouse", description: "" } } }, /A: unknown type warehouse/],
    [
      { bindings: {}, values: { N: { default: "x", schema: z.coerce.number() } } },
      /N: default "x" fails its schema/,
    ],
    [
      { bindings: { A: { resource: "r", type: "job", description: "" } }, values: { A: { default: "1" } } },
      /A: declared both as binding and value/,
    ],
  ])("%#: %s", (declaration, message) => {
    expect(() => defineAppEnv(declaration as Parameters<typeof defineAppEnv>[0])).toThrow(message);
  });
});

describe("describeValue", () => {
  it("never shows a sensitive value", () => {
    expect(describeValue("hunter2", true)).toBe("a 7-character value (not shown: sensitive)");
    expect(describeValue("a".repeat(200), false)).toHaveLength(82);
  });
});
