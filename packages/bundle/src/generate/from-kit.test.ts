import { defineAppEnv, lakebaseEndpointBinding } from "@appbase/bindings";
import type { KitDefinition } from "@appbase/next-kit/define-kit";
import { describe, expect, it } from "vitest";
import { kitBundleConfig } from "./databricks-yml.ts";
import { kitBundle } from "./from-kit.ts";
import { userApiScopesOf } from "./user-api-scopes.ts";

// Only what kitBundle reads of a kit (a real kit.ts needs a matrix, pages and users).
const kit = {
  id: "sample-kit",
  title: "Sample",
  description: "A kit with one required and two optional resources.",
  servedTables: [],
  appEnv: defineAppEnv({
    bindings: {
      LAKEBASE_ENDPOINT: lakebaseEndpointBinding(),
      GENIE_SPACE_ID: {
        resource: "genie-space",
        type: "genie_space",
        optional: true,
        calledAs: "user",
        description: "Genie space",
      },
      SERVING_ENDPOINT: {
        resource: "serving",
        type: "serving_endpoint",
        optional: true,
        description: "Chat model",
      },
      WAREHOUSE_ID: { resource: "warehouse", type: "sql_warehouse", description: "Warehouse" },
    },
  }),
} as unknown as KitDefinition;

type App = { resources: { name: string }[]; user_api_scopes: string[] };
const appOf = (config: unknown) =>
  Object.values((config as { resources: { apps: Record<string, App> } }).resources.apps)[0] as App;

describe("a kit's bundle", () => {
  it("leaves optional resources out unless bound, with their app.yaml entries and variables", () => {
    const bare = kitBundle(kit);
    expect(bare.resources.map((r) => r.key)).toEqual(["postgres", "warehouse"]);
    expect(bare.env.map((e) => e.name)).toEqual(["LAKEBASE_ENDPOINT", "WAREHOUSE_ID"]);
    const config = kitBundleConfig(bare) as { variables: Record<string, unknown> };
    expect(Object.keys(config.variables)).not.toContain("genie_space_id");

    const bound = kitBundle(kit, { bind: ["genie-space"] });
    expect(bound.resources.map((r) => r.key)).toEqual(["postgres", "genie-space", "warehouse"]);
    expect(bound.env.map((e) => e.name)).toContain("GENIE_SPACE_ID");
    expect(() => kitBundle(kit, { bind: ["warehouse"] })).toThrow(
      /not an optional resource.*genie-space, serving/,
    );
  });

  it("declares the user API scopes of the identity lookup and of each resource called as the user", () => {
    expect(appOf(kitBundleConfig(kitBundle(kit))).user_api_scopes).toEqual([
      "iam.current-user:read",
      "iam.access-control:read",
    ]);
    expect(
      appOf(kitBundleConfig(kitBundle(kit, { bind: ["genie-space", "serving"] }))).user_api_scopes,
    ).toEqual(["iam.current-user:read", "iam.access-control:read", "dashboards.genie"]);
    expect(() =>
      userApiScopesOf([{ resource: "job", type: "job", description: "j", calledAs: "user" }]),
    ).toThrow(/no user API scope is known for a job/);
  });
});
