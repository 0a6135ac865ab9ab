import { readFileSync } from "node:fs";
import { join } from "node:path";
import { kitSyncedTables } from "@appbase/bundle/generate";
import {
  clientFor,
  type FakeWorkspace,
  fileRoutes,
  startFakeWorkspace,
  unavailable,
  warehouseRoutes,
} from "@appbase/databricks/testing";
import { datasets, getDataset } from "@appbase/synthetic-data";
import { afterEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { discoverKits, type Kit } from "../kits.ts";
import { findRepoRoot } from "../repo.ts";
import { goldTablesFor } from "./land-gold.ts";
import { LandingError, type LandingEvent, landGoldOnDatabricks } from "./land-gold-databricks.ts";
import { resolveLandTarget } from "./land-target.ts";

const repoRoot = findRepoRoot();
const kits = await discoverKits(repoRoot);
const epoch = "2026-11-01T00:00:00.000Z";
const target = {
  catalog: "main",
  landingSchema: "appbase_landing",
  volume: "gold",
  warehouseId: "a1b2c3d4e5f6a7b8",
};

let fake: FakeWorkspace | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function workspace(catalogs = ["main"]) {
  const volumes = fileRoutes();
  const warehouse = warehouseRoutes({ files: volumes, catalogs });
  fake = await startFakeWorkspace({ routes: [...volumes.routes, ...warehouse.routes] });
  return { fake, volumes, warehouse, client: clientFor(fake).client };
}

/** The `source_table_full_name`s of the kit's generated databricks.yml, with the catalog variable set. */
function bundleSources(kit: Kit, catalog: string): string[] {
  const yml = parse(readFileSync(join(repoRoot, "bundles", kit.id, "databricks.yml"), "utf8")) as {
    resources?: { postgres_synced_tables?: Record<string, { source_table_full_name: string }> };
  };
  return Object.values(yml.resources?.postgres_synced_tables ?? {}).map((t) =>
    t.source_table_full_name.replace(/^\$\{var\.source_catalog\}\./, `${catalog}.`),
  );
}

function land(client: Parameters<typeof landGoldOnDatabricks>[0]["client"], kit: Kit, extra = {}) {
  return landGoldOnDatabricks({
    client,
    target,
    tables: goldTablesFor(kitSyncedTables(kit.servedTables)),
    seed: 42,
    scale: "tiny",
    epoch,
    poll: { initialMs: 1, maxMs: 1 },
    ...extra,
  });
}

describe("landGoldOnDatabricks against the fake workspace", () => {
  it.each(kits.map((k) => [k.id, k] as const))(
    "%s: creates every source table its bundle's synced tables name, with every row",
    async (_id, kit) => {
      const { client, warehouse } = await workspace();
      const events: LandingEvent[] = [];
      const landed = await land(client, kit, {
        rowsPerPart: 64,
        onProgress: (e: LandingEvent) => events.push(e),
      });
      const sources = bundleSources(kit, "main");
      expect(sources.length).toBeGreaterThan(0);
      expect(
        [...warehouse.tables.keys()].sort(),
        `landed vs bundles/${kit.id}/databricks.yml (if kit.ts changed its servedTables, run \`appbase bundle generate ${kit.id}\`)`,
      ).toEqual([...sources].sort());
      for (const full of sources) {
        const source = full.slice("main.".length);
        const expected = getDataset(source).defaultRows("tiny");
        expect(warehouse.tables.get(full)?.rows.length, full).toBe(expected);
        expect(landed.get(source)).toBe(expected);
        expect(events).toContainEqual({ table: full, phase: "created", rows: expected });
      }
    },
  );

  it("lands values as generated (JSON columns as text) with the served table's Delta types", async () => {
    const { client, warehouse } = await workspace();
    const agentOps = kits.find((k) => k.id === "agent-ops") as Kit;
    await land(client, agentOps);
    const tools = warehouse.tables.get("main.agents.tools");
    const first = getDataset("agents.tools")
      .rows({ seed: 42, scale: "tiny", epoch })
      [Symbol.iterator]()
      .next().value as Record<string, unknown>;
    expect(tools?.rows[0]).toEqual({ ...first, args_schema: JSON.stringify(first.args_schema) });
    expect(tools?.columns.find((c) => c.name === "requires_approval")?.type).toBe("BOOLEAN");
  });

  it("is idempotent: a re-run replaces each table, rewrites the files and drops parts it no longer writes", async () => {
    const { client, warehouse, volumes } = await workspace();
    const hub = kits.find((k) => k.id === "customer-hub") as Kit;
    await land(client, hub, { rowsPerPart: 50 });
    const partsBefore = volumes.paths().length;
    await land(client, hub, { rowsPerPart: 10_000 });
    const tables = goldTablesFor(kitSyncedTables(hub.servedTables));
    expect(volumes.paths()).toHaveLength(tables.length);
    expect(partsBefore).toBeGreaterThan(tables.length);
    for (const t of tables) {
      const stored = warehouse.tables.get(`main.${t.source}`);
      expect(stored?.replaced).toBe(2);
      expect(stored?.rows.length).toBe(t.dataset.defaultRows("tiny"));
    }
  });

  it("retries a refused upload and carries on", async () => {
    const { client, fake, warehouse } = await workspace();
    fake.inject("files.upload", unavailable(), unavailable());
    await land(client, kits.find((k) => k.id === "operations-portal") as Kit);
    expect(warehouse.tables.has("main.operations.work_orders")).toBe(true);
  });

  it("names the step and what to do when the catalog does not exist, and creates nothing", async () => {
    const { client, warehouse } = await workspace(["other"]);
    const error = await land(client, kits[0] as Kit).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LandingError);
    expect((error as Error).message).toMatch(/CREATE SCHEMA main\..*Catalog 'main' was not found.*--catalog/);
    expect(warehouse.tables.size).toBe(0);
  });

  it("says to check --warehouse when the warehouse refuses the statement", async () => {
    const { client, fake } = await workspace();
    fake.inject("sql.execute", {
      status: 404,
      body: { error_code: "RESOURCE_DOES_NOT_EXIST", message: "Warehouse a1b2c3d4e5f6a7b8 does not exist." },
    });
    await expect(land(client, kits[0] as Kit)).rejects.toThrow(/does not exist.*--warehouse/);
  });

  it("refuses a target that is not a plain identifier before calling the workspace", async () => {
    const { client, fake } = await workspace();
    await expect(
      landGoldOnDatabricks({
        client,
        target: { ...target, catalog: "main`; DROP TABLE x; --" },
        tables: goldTablesFor(),
        seed: 1,
        scale: "tiny",
        epoch,
      }),
    ).rejects.toThrow(/letters, digits and underscores/);
    expect(fake.calls("sql.execute")).toBe(0);
  });
});

describe("goldTablesFor", () => {
  it("by default names every served table, each with its synthetic data set", () => {
    expect(
      goldTablesFor()
        .map((t) => t.source)
        .sort(),
    ).toEqual(datasets.map((d) => `${d.domain}.${d.name}`).sort());
  });

  it("refuses a source without synthetic data, saying where to add it", () => {
    expect(() => goldTablesFor([{ source: "customer.nope" }])).toThrow(
      /customer\.nope has no synthetic gold table/,
    );
  });
});

describe("resolveLandTarget", () => {
  const hub = kits.find((k) => k.id === "customer-hub") as Kit;
  const risk = kits.find((k) => k.id === "risk-compliance") as Kit;
  const base = { repoRoot, target: "dev", variables: {}, env: {} };

  it("takes the catalog from --var source_catalog or BUNDLE_VAR_, the warehouse from the kit's binding variable", () => {
    expect(
      resolveLandTarget({
        ...base,
        kit: risk,
        variables: { source_catalog: "gold_cat" },
        env: { BUNDLE_VAR_sql_warehouse_id: "abc123" },
      }),
    ).toEqual({
      catalog: "gold_cat",
      landingSchema: "appbase_landing",
      volume: "gold",
      warehouseId: "abc123",
    });
    expect(
      resolveLandTarget({
        ...base,
        kit: hub,
        env: { BUNDLE_VAR_source_catalog: "c2", DATABRICKS_WAREHOUSE_ID: "w1" },
        volume: "files.landing",
      }),
    ).toMatchObject({ catalog: "c2", landingSchema: "files", volume: "landing", warehouseId: "w1" });
  });

  it("lists every missing or malformed setting with the flag that fixes it", () => {
    expect(() => resolveLandTarget({ ...base, kit: hub })).toThrow(
      /No catalog: pass --catalog[\s\S]*No SQL warehouse/,
    );
    expect(() => resolveLandTarget({ ...base, kit: hub, catalog: "a-b", warehouse: "w" })).toThrow(
      /--catalog: use letters/,
    );
    expect(() => resolveLandTarget({ ...base, kit: hub, catalog: "a", warehouse: "w", volume: "v" })).toThrow(
      /--volume v: write it as <schema>.<volume>/,
    );
    expect(() =>
      resolveLandTarget({ ...base, kit: hub, target: "qa", catalog: "a", warehouse: "w" }),
    ).toThrow(/Target qa is not in bundles\/customer-hub\/databricks.yml/);
  });
});
