import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { datasetsLoaded } from "@appbase/datasets";
import { createTestDatabase, type TestDatabase } from "@appbase/db/testing";
import { openLocalLakehouse } from "@appbase/lakehouse/local";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { discoverKits } from "../kits.ts";
import { lakehouseDirOf } from "./land-gold.ts";
import { prepareDatabase } from "./prepare-database.ts";

const fixtures = fileURLToPath(new URL("../testing/kit-fixtures", import.meta.url));
const kits = await discoverKits(fixtures);
const demo = kits.filter((k) => k.id === "demo");
// The broken fixture's seed throws.
const failingSeed = kits.filter((k) => k.id === "broken");
const stateDir = mkdtempSync(join(tmpdir(), "appbase-prepare-"));
let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase({ migrations: [] });
});
afterAll(async () => {
  await db?.close();
  rmSync(stateDir, { recursive: true, force: true });
});

const prepare = (selected: typeof kits, lines: string[], reseed = false) =>
  prepareDatabase({
    stateDir,
    env: { DATABASE_URL: db.url },
    kits: selected,
    seed: 5,
    scale: "tiny",
    reseed,
    log: (line) => lines.push(line),
  });

describe("prepareDatabase with kits declaring governed tables and a seed", () => {
  it("a kit seed that fails names the kit and module, and leaves the data unloaded so the next start seeds again", async () => {
    await expect(prepare(failingSeed, [])).rejects.toThrow(
      /Kit broken: its seed \(apps\/broken\/kit\.ts\) failed: the demo table is missing/,
    );
    expect(await datasetsLoaded(db.pool)).toBe(false);
  });

  it("readies governed tables, syncs the served tables, then runs the kit's seed once", async () => {
    const lines: string[] = [];
    const first = await prepare(demo, lines);
    await first.db.close();
    expect(first.seeded).toBe(true);
    expect(await datasetsLoaded(db.pool, { seed: 5, scale: "tiny" })).toBe(true);
    expect(lines).toContain("Migrations for appbase_governance: 1 applied");
    expect(lines).toContain(
      "Governed tables ready (silver and bronze in the local lakehouse): demo.registry",
    );
    expect(lines.find((l) => l.startsWith("Seeded Demo Kit"))).toMatch(
      new RegExp(`scale=tiny seed=5 lakehouse=${lakehouseDirOf(stateDir)}$`),
    );
    const lake = await openLocalLakehouse({ directory: lakehouseDirOf(stateDir) });
    try {
      expect(await lake.describeTable("appbase.demo.registry")).not.toBeNull();
      expect(await lake.describeTable("appbase.demo.registry_events")).not.toBeNull();
    } finally {
      await lake.close();
    }

    const again: string[] = [];
    const second = await prepare(demo, again);
    await second.db.close();
    expect(second.seeded).toBe(false);
    expect(again.some((l) => l.startsWith("Seeding"))).toBe(false);
  });

  it("state with Lakebase rows but no gold (made before gold existed) is seeded again, kit seeds included", async () => {
    const lake = await openLocalLakehouse({ directory: lakehouseDirOf(stateDir) });
    try {
      await lake.dropTable("appbase.customer.customers");
    } finally {
      await lake.close();
    }
    const lines: string[] = [];
    const repaired = await prepare(demo, lines);
    await repaired.db.close();
    expect(repaired.seeded).toBe(true);
    expect(lines).toContain(
      "Gold table appbase.customer.customers is missing from the local lakehouse: loading the synthetic data again.",
    );
    expect(lines.some((l) => l.startsWith("Seeded Demo Kit"))).toBe(true);
  });

  it("a kit started later on loaded data seeds once (`up --kits other`, then `up`)", async () => {
    const without = await prepare([], [], true);
    await without.db.close();
    expect(without.seeded).toBe(true);

    const later: string[] = [];
    const joined = await prepare(demo, later);
    await joined.db.close();
    expect(joined.seeded).toBe(false);
    expect(later.some((l) => l.startsWith("Seeded Demo Kit"))).toBe(true);

    const again: string[] = [];
    const third = await prepare(demo, again);
    await third.db.close();
    expect(again.some((l) => l.startsWith("Seeding"))).toBe(false);
  });
});
