import { fileURLToPath } from "node:url";
import type pg from "pg";
import { describe, expect, it } from "vitest";
import { loadGovernedTables, namedScale, runKitSeeds } from "./kit-modules.ts";
import { discoverKits } from "./kits.ts";

const fixtures = fileURLToPath(new URL("./testing/kit-fixtures", import.meta.url));
const kits = discoverKits(fixtures);
const demo = kits.filter((k) => k.kit === "demo");
const broken = kits.filter((k) => k.kit === "broken");
// Enough of a pool for the fixture seed, which runs one query.
const pool = { query: async () => ({ rows: [{ n: 42 }] }) } as unknown as pg.Pool;

describe("kit manifest modules", () => {
  it("resolves governed and seed to absolute paths in the kit folder", () => {
    expect(demo[0]?.governedModule).toBe(`${fixtures}/apps/demo/src/governed.ts`);
    expect(demo[0]?.seedModule).toBe(`${fixtures}/apps/demo/src/seed.ts`);
  });

  it("imports governedTables from a kit's governed module", async () => {
    const tables = await loadGovernedTables(kits.filter((k) => k.kit !== "broken"));
    expect(tables.map((t) => [t.id, t.silver, t.bronze])).toEqual([
      ["demo.registry", "appbase.demo.registry", "appbase.demo.registry_events"],
    ]);
  });

  it("names the kit and the manifest field when the governed module is missing", async () => {
    await expect(loadGovernedTables(broken)).rejects.toThrow(
      /Kit broken: the manifest's "governed" names .*src\/missing\.ts, which does not exist/,
    );
  });

  it("runs seedKit with the context and prefixes its log lines with the kit id", async () => {
    const lines: string[] = [];
    await runKitSeeds(demo, { pool, scale: "tiny", seed: 7, lakehouseDir: "/state/lakehouse" }, (l) =>
      lines.push(l),
    );
    expect(lines[0]).toMatch(/^Seeding Demo Kit \(.*src\/seed\.ts\)…$/);
    expect(lines[1]).toBe("  [demo] answer 42");
    expect(lines[2]).toMatch(/^Seeded Demo Kit in \d+\.\ds: scale=tiny seed=7 lakehouse=\/state\/lakehouse$/);
  });

  it("a failing seed names the kit and the module", async () => {
    await expect(
      runKitSeeds(broken, { pool, scale: "tiny", seed: 1, lakehouseDir: "/x" }, () => undefined),
    ).rejects.toThrow(
      /Kit broken: seedKit in .*apps\/broken\/src\/seed\.ts failed: the demo table is missing/,
    );
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
