import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseAppYaml } from "./app-yaml.ts";
import { defineAppEnv } from "./define-app-env.ts";
import {
  defaultLocalResources,
  LOCAL_LAKEBASE_ENDPOINT,
  localResourcesFile,
  readLocalResources,
  resolveValueFrom,
  writeLocalResources,
} from "./local-resources.ts";
import { LocalResourcesError, parseLocalResources } from "./local-resources-schema.ts";
import { type ResourceType, resourceTypeInfo, resourceTypes } from "./resource-types.ts";

const lakebaseUrl = "postgres://postgres@127.0.0.1:54320/postgres";

describe("defaultLocalResources", () => {
  const map = defaultLocalResources({ lakebaseUrl, platformUrl: "http://127.0.0.1:4100" });

  it("has one valid resource per type, keyed by the type name", () => {
    expect(Object.keys(map.resources).sort()).toEqual([...resourceTypes].sort());
    for (const type of resourceTypes) {
      expect(map.resources[type]?.type).toBe(type);
      expect(resourceTypeInfo[type].schema.safeParse(map.resources[type]?.value).success).toBe(true);
    }
  });

  it("points postgres at the local Lakebase endpoint and carries its connection URL", () => {
    expect(map.resources.postgres).toEqual({
      type: "postgres",
      value: LOCAL_LAKEBASE_ENDPOINT,
      local: { url: lakebaseUrl },
    });
    expect(LOCAL_LAKEBASE_ENDPOINT).toBe("projects/appbase-local/branches/main/endpoints/primary");
    expect(map.resources.sql_warehouse?.value).toBe("local-warehouse");
    expect(map.platformUrl).toBe("http://127.0.0.1:4100");
  });

  it("adds every resource key a declaration binds, with stable distinct values", () => {
    const appEnv = defineAppEnv({
      bindings: {
        CHAT_ENDPOINT: { resource: "chat-model", type: "serving_endpoint", description: "chat" },
        EMBED_ENDPOINT: { resource: "embedding-model", type: "serving_endpoint", description: "embeddings" },
        NIGHTLY_JOB_ID: { resource: "nightly", type: "job", description: "job" },
        CUSTOMERS_TABLE: { resource: "customers", type: "uc_table", description: "table" },
      },
    });
    const withBindings = defaultLocalResources({ lakebaseUrl, bindings: appEnv.declaration.bindings });
    expect(withBindings.resources["chat-model"]?.value).not.toBe(
      withBindings.resources["embedding-model"]?.value,
    );
    expect(withBindings.resources.customers?.value).toMatch(/^[^.]+\.[^.]+\.customers$/);
    const again = defaultLocalResources({ lakebaseUrl, bindings: appEnv.declaration.bindings });
    expect(again.resources.nightly?.value).toBe(withBindings.resources.nightly?.value);
  });
});

describe("resolveValueFrom", () => {
  const map = defaultLocalResources({ lakebaseUrl });

  it.each(resourceTypes)(
    "resolves a %s binding to the mapped value, and loadEnv accepts it",
    (type: ResourceType) => {
      const appEnv = defineAppEnv({ bindings: { BOUND: { resource: type, type, description: "t" } } });
      const env = resolveValueFrom({ command: ["node"], env: appEnv.appYamlEnv() }, map);
      expect(env).toEqual({ BOUND: map.resources[type]?.value });
      expect(appEnv.loadEnv(env).BOUND).toBe(map.resources[type]?.value);
    },
  );

  it("passes literal values through and resolves valueFrom entries", () => {
    const appYaml = parseAppYaml(
      "command: [node]\nenv:\n  - name: LAKEBASE_ENDPOINT\n    valueFrom: postgres\n  - name: MODE\n    value: demo\n  - name: EMPTY\n    value: ''",
    );
    expect(resolveValueFrom(appYaml, map)).toEqual({
      LAKEBASE_ENDPOINT: LOCAL_LAKEBASE_ENDPOINT,
      MODE: "demo",
      EMPTY: "",
    });
  });

  it("refuses a single unknown key too, suggesting the entry to add", () => {
    const appYaml = parseAppYaml("command: [node]\nenv:\n  - name: GENIE_SPACE_ID\n    valueFrom: genie");
    expect(() => resolveValueFrom(appYaml, map)).toThrow(
      /GENIE_SPACE_ID has valueFrom: genie, but \.appbase\/resources\.json has no resource `genie` \(it has: postgres, .*\); add "genie": \{/,
    );
  });

  it("names every key missing from the map, and the file", () => {
    const appYaml = parseAppYaml(
      "command: [node]\nenv:\n  - name: A\n    valueFrom: nope\n  - name: B\n    valueFrom: postgres\n  - name: C\n    valueFrom: other",
    );
    let caught: unknown;
    try {
      resolveValueFrom(appYaml, map, { file: "/state/resources.json" });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(LocalResourcesError);
    const error = caught as LocalResourcesError;
    expect(error.problems).toHaveLength(2);
    expect(error.problems[0]).toMatch(
      /^A has valueFrom: nope, but \/state\/resources\.json has no resource `nope`/,
    );
    expect(error.problems[1]).toMatch(/^C has valueFrom: other/);
    expect(error.message).toMatch(/^\/state\/resources\.json cannot resolve app\.yaml:/);
  });
});

describe("parseLocalResources", () => {
  it.each([
    [{ version: 2, resources: {} }, /version: version must be 1/],
    [
      { version: 1, resources: { pg: { type: "postgres", value: LOCAL_LAKEBASE_ENDPOINT } } },
      /resources\.pg\.local: a postgres resource needs local connection info/,
    ],
    [
      { version: 1, resources: { pg: { type: "postgres", value: "pg", local: { url: lakebaseUrl } } } },
      /resources\.pg\.value: expected an endpoint path/,
    ],
    [
      {
        version: 1,
        resources: { pg: { type: "postgres", value: LOCAL_LAKEBASE_ENDPOINT, local: { url: "mysql://x" } } },
      },
      /resources\.pg\.local\.url: expected a postgres:\/\/ connection URL/,
    ],
    [
      { version: 1, resources: { w: { type: "sql_warehouse", value: "w", local: { url: lakebaseUrl } } } },
      /resources\.w\.local: only postgres resources/,
    ],
    [
      { version: 1, resources: { w: { type: "warehouse", value: "w" } } },
      /resources\.w\.type: unknown resource type "warehouse"/,
    ],
    [
      { version: 1, resources: { j: { type: "job", value: "nightly" } } },
      /resources\.j\.value: expected a numeric job id \(got "nightly"\)/,
    ],
    [
      { version: 1, resources: { s: { type: "secret", value: "" } } },
      /resources\.s\.value: expected a non-empty secret value$/m,
    ],
    [
      { version: 1, resources: {}, platformUrl: "ftp://x" },
      /platformUrl: platformUrl must be an http\(s\) URL/,
    ],
    [
      { version: 1, resources: { "bad key": { type: "job", value: "1" } } },
      /resources\.bad key: resource keys use/,
    ],
  ])("%#: rejects %j", (input, message) => {
    expect(() => parseLocalResources(input, "resources.json")).toThrow(message);
  });
});

describe("reading and writing the map file", () => {
  let stateDir: string;
  beforeEach(async () => {
    stateDir = await mkdtemp(join(tmpdir(), "appbase-bindings-"));
  });
  afterEach(async () => {
    await rm(stateDir, { recursive: true, force: true });
  });

  it("writes and reads back the same map under <stateDir>/resources.json", async () => {
    const file = localResourcesFile(join(stateDir, "nested"));
    expect(file).toBe(join(stateDir, "nested", "resources.json"));
    const map = defaultLocalResources({ lakebaseUrl });
    await writeLocalResources(file, map);
    expect(await readLocalResources(file)).toEqual(map);
    expect(await readFile(file, "utf8")).toMatch(/\n$/);
  });

  it("names the file when it is missing, not JSON, or invalid", async () => {
    const file = join(stateDir, "resources.json");
    await expect(readLocalResources(file)).rejects.toThrow(`${file} cannot be read:\n- the file is missing`);
    await writeFile(file, "{ not json");
    await expect(readLocalResources(file)).rejects.toThrow(/cannot be read:\n- not valid JSON/);
    await writeFile(file, JSON.stringify({ version: 1, resources: { j: { type: "job", value: "x" } } }));
    await expect(readLocalResources(file)).rejects.toThrow(`${file} is not a valid local resource map`);
  });

  it("refuses to write an invalid map", async () => {
    const file = join(stateDir, "resources.json");
    const invalid = { version: 1 as const, resources: { j: { type: "job" as const, value: "x" } } };
    await expect(writeLocalResources(file, invalid)).rejects.toThrow(/numeric job id/);
    await expect(readFile(file)).rejects.toThrow(/ENOENT/);
  });
});
