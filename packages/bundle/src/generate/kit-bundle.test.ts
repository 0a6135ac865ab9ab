import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { defineAppEnv, parseAppYaml } from "@appbase/bindings";
import { sampleMatrix } from "@appbase/grants/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadBundleSchema } from "../schema/schema-source.ts";
import { validateBundleFile } from "../schema/validate-bundle.ts";
import { scratchDir } from "../testing/scratch-dir.ts";
import { kitBundleConfig } from "./databricks-yml.ts";
import { kitResourcesFromAppEnv } from "./from-app-env.ts";
import { defineKitBundle, type KitBundleDeclaration } from "./kit-bundle.ts";
import { ref } from "./ref.ts";
import { kitBundleDrift, renderKitBundle, writeKitBundle } from "./write-kit-bundle.ts";

const repoRoot = resolve(import.meta.dirname, "../../../..");
let schema: Record<string, unknown>;
beforeAll(() => {
  schema = loadBundleSchema({ repoRoot, useCli: false }).schema;
});

const appEnv = defineAppEnv({
  bindings: {
    LAKEBASE_ENDPOINT: { resource: "postgres", type: "postgres", description: "Lakebase endpoint" },
    DATABRICKS_WAREHOUSE_ID: { resource: "sql-warehouse", type: "sql_warehouse", description: "Warehouse" },
    GENIE_SPACE_ID: { resource: "genie", type: "genie_space", description: "Customer Genie space" },
    SERVING_ENDPOINT: { resource: "llm", type: "serving_endpoint", description: "Chat model" },
    API_KEY: { resource: "api-key", type: "secret", description: "Partner API key" },
    UPLOADS: { resource: "uploads", type: "uc_volume", description: "Uploads volume" },
    APPBASE_APP_AGENT_OPS: {
      resource: "agent-ops-app",
      type: "app",
      optional: true,
      description: "Linked kit",
    },
  },
  values: { LOG_LEVEL: { default: "info" } },
});

function declaration(overrides: Partial<KitBundleDeclaration> = {}): KitBundleDeclaration {
  return defineKitBundle({
    kit: "customer-hub",
    title: "Customer Intelligence Hub",
    description: "Customer 360",
    resources: kitResourcesFromAppEnv(appEnv),
    env: appEnv.appYamlEnv(),
    matrix: sampleMatrix,
    syncedTables: [
      {
        schema: "customer",
        table: "customer_profile",
        source: "gold.customer_360",
        primaryKey: ["customer_id"],
        schedulingPolicy: "TRIGGERED",
      },
    ],
    ...overrides,
  });
}

// biome-ignore lint/suspicious/noExplicitAny: generated YAML is walked by known paths in assertions
type Yaml = Record<string, any>;

describe("kit bundle generation", () => {
  it("produces a databricks.yml that passes the official schema", () => {
    const dir = scratchDir("kit-bundle-");
    writeKitBundle(declaration(), dir);
    expect(validateBundleFile(join(dir, "databricks.yml"), schema).problems).toEqual([]);
  });

  it("binds Lakebase by full resource paths and keeps names unique per target", () => {
    const config = kitBundleConfig(declaration()) as Yaml;
    const app = config.resources.apps.customer_hub;
    expect(app.name).toBe(`customer-hub-${ref("bundle.target")}`);
    expect(config.resources.postgres_projects.lakebase.project_id).toBe(
      `customer-hub-${ref("bundle.target")}`,
    );
    const postgres = app.resources.find((r: Yaml) => r.name === "postgres").postgres;
    const branch = `${ref("resources.postgres_projects.lakebase.id")}/branches/${ref("var.lakebase_branch")}`;
    expect(postgres.branch).toBe(branch);
    expect(postgres.database).toBe(
      `${branch}/databases/${ref("resources.postgres_databases.app.database_id")}`,
    );
    expect(config.variables.lakebase_branch.default).toBe("production");
    expect(Object.keys(config.targets)).toEqual(["dev", "staging", "prod"]);
  });

  it("adds the app's service principal to the permissions of the Lakebase project it uses", () => {
    const config = kitBundleConfig(declaration()) as Yaml;
    expect(config.resources.postgres_projects.lakebase.permissions).toContainEqual({
      level: "CAN_USE",
      service_principal_name: ref("resources.apps.customer_hub.service_principal_client_id"),
    });
  });

  it("turns every workspace-specific value into a variable without a default", () => {
    const config = kitBundleConfig(declaration()) as Yaml;
    const genie = config.resources.apps.customer_hub.resources.find(
      (r: Yaml) => r.name === "genie",
    ).genie_space;
    expect(genie).toEqual({
      name: ref("var.genie_name"),
      space_id: ref("var.genie_id"),
      permission: "CAN_RUN",
    });
    for (const [name, variable] of Object.entries(config.variables as Yaml)) {
      // The exceptions: the Lakebase branch, production unless a preview binds another; the telemetry
      // destinations, built from var.catalog and the kit's own schema, which a region without app telemetry empties.
      if (name !== "lakebase_branch" && name !== "telemetry_export_destinations")
        expect(variable, name).not.toHaveProperty("default");
    }
    expect(Object.keys(config.variables)).toEqual(
      expect.arrayContaining([
        "catalog",
        "admin_group",
        "sql_warehouse_id",
        "genie_name",
        "genie_id",
        "llm_name",
        "api_key_scope",
        "api_key_key",
        "uploads_full_name",
        "agent_ops_app_name",
        "source_catalog",
      ]),
    );
  });

  it("binds a linked kit's app by name with CAN_USE, for its URL and app-to-app calls", () => {
    const config = kitBundleConfig(declaration()) as Yaml;
    const linked = config.resources.apps.customer_hub.resources.find((r: Yaml) => r.name === "agent-ops-app");
    expect(linked.app).toEqual({ name: ref("var.agent_ops_app_name"), permission: "CAN_USE" });
    const appYaml = parseAppYaml(renderKitBundle(declaration())["app.yaml"] ?? "");
    expect(appYaml.env).toContainEqual({ name: "APPBASE_APP_AGENT_OPS", valueFrom: "agent-ops-app" });
  });

  it("carries schema grants from the grant matrix and telemetry destinations", () => {
    const config = kitBundleConfig(declaration()) as Yaml;
    const sp = ref("resources.apps.customer_hub.service_principal_client_id");
    expect(config.resources.schemas.sample_desk.grants).toContainEqual({
      principal: sp,
      privileges: ["USE_SCHEMA", "SELECT", "MODIFY", "CREATE_TABLE", "CREATE_VOLUME"],
    });
    expect(config.resources.schemas.telemetry.grants[0].principal).toBe(sp);
    // The destinations are a variable, so a region without app telemetry sets it to [] per target.
    expect(config.resources.apps.customer_hub.telemetry_export_destinations).toBe(
      ref("var.telemetry_export_destinations"),
    );
    expect(config.variables.telemetry_export_destinations).toMatchObject({ type: "complex" });
    expect(config.variables.telemetry_export_destinations.default[0].unity_catalog.logs_table).toBe(
      `${ref("var.catalog")}.${ref("resources.schemas.telemetry.name")}.otel_logs`,
    );
    const synced = config.resources.postgres_synced_tables.customer_customer_profile;
    expect(synced.synced_table_id).toBe(
      `${ref("resources.postgres_catalogs.lakebase.catalog_id")}.customer.customer_profile`,
    );
    expect(synced.source_table_full_name).toBe(`${ref("var.source_catalog")}.gold.customer_360`);
  });

  it("writes app.yaml with valueFrom bindings and no platform-injected variables", () => {
    const appYaml = parseAppYaml(renderKitBundle(declaration())["app.yaml"] ?? "");
    expect(appYaml.command).toEqual(["node", "start.mjs"]);
    expect(appYaml.env).toContainEqual({ name: "LAKEBASE_ENDPOINT", valueFrom: "postgres" });
    expect(appYaml.env.map((e) => e.name).filter((n) => n.startsWith("PG"))).toEqual([]);
    const text = renderKitBundle(declaration())["databricks.yml"] ?? "";
    expect(parse(text)).toEqual(kitBundleConfig(declaration()));
  });

  it("reports drift when a committed file differs from the declaration", () => {
    const dir = scratchDir("kit-bundle-");
    expect(kitBundleDrift(declaration(), dir).map((d) => d.state)).toEqual(["missing", "missing"]);
    writeKitBundle(declaration(), dir);
    expect(kitBundleDrift(declaration(), dir)).toEqual([]);
    writeFileSync(join(dir, "app.yaml"), "command: [node, server.js]\n");
    expect(kitBundleDrift(declaration(), dir)).toEqual([{ file: join(dir, "app.yaml"), state: "stale" }]);
  });

  it("rejects a valueFrom that names no declared resource", () => {
    expect(() => declaration({ env: [{ name: "X", valueFrom: "nowhere" }] })).toThrow(
      /valueFrom "nowhere" names no declared resource/,
    );
  });
});
