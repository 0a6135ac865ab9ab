import { fileURLToPath } from "node:url";
import type pg from "pg";
import { describe, expect, it } from "vitest";
import { governedTablesOf, namedScale, runKitSeeds } from "./kit-modules.ts";
import { discoverKits } from "./kits.ts";

const fixtures = fileURLToPath(new URL("./testing/kit-fixtures", import.meta.url));
const kits = await discoverKits(fixtures);
const demo = kits.filter((k) => k.id === "demo");
const broken = kits.filter((k) => k.id === "broken");
// Enough of a pool for the fixture seed, which runs one query.
const pool = { query: async () => ({ rows: [{ n: 42 }] }) } as unknown as pg.Pool;

describe("what kit.ts declares beside its app", () => {
  it("finds each kit's folder, migrations and package", () => {
    expect(kits.map((k) => [k.id, k.dir, k.migrationsFolder, k.schemaName])).toEqual([
      ["demo", `${fixtures}/apps/demo`, `${fixtures}/apps/demo/drizzle`, "demo"],
      ["broken", `${fixtures}/apps/broken`, `${fixtures}/apps/broken/drizzle`, "broken"],
    ]);
  });

  it("collects the governed tables of the kits that declare them", () => {
    expect(governedTablesOf(kits).map((t) => [t.id, t.silver, t.bronze])).toEqual([
      ["demo.registry", "appbase.demo.registry", "appbase.demo.registry_events"],
    ]);
  });

  it("refuses a governed table two kits declare", () => {
    expect(() => governedTablesOf([...demo, ...demo])).toThrow(
      /Governed table demo\.registry is declared by more than one kit/,
    );
  });

  it("runs seedKit with the context and prefixes its log lines with the kit id", async () => {
    const lines: string[] = [];
    await runKitSeeds(demo, { pool, scale: "tiny", seed: 7, lakehouseDir: "/state/lakehouse" }, (l) =>
      lines.push(l),
    );
    expect(lines[0]).toBe("Seeding Demo Kit…");
    expect(lines[1]).toBe("  [demo] answer 42");
    expect(lines[2]).toMatch(/^Seeded Demo Kit in \d+\.\ds: scale=tiny seed=7 lakehouse=\/state\/lakehouse$/);
  });

  it("a failing seed names the kit and the module", async () => {
    await expect(
      runKitSeeds(broken, { pool, scale: "tiny", seed: 1, lakehouseDir: "/x" }, () => undefined),
    ).rejects.toThrow(/Kit broken: its seed \(apps\/broken\/kit\.ts\) failed: the demo table is missing/);
  });

  it("maps a numeric scale to the nearest named one", () => {
    expect([namedScale("tiny"), namedScale("500"), namedScale("25000"), namedScale("200000")]).toEqual([
      "tiny",
      "tiny",
      "default",
      "large",
    ]);
  });
});
