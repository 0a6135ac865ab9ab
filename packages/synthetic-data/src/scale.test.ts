import { describe, expect, it } from "vitest";
import { customers } from "./customer/customers.ts";
import { assetScores } from "./operations/asset-scores.ts";
import { assets } from "./operations/assets.ts";
import { alerts } from "./risk/alerts.ts";
import { parseScale, resolveOptions, resolveScale, scales } from "./scale.ts";

describe("scales", () => {
  it("resolves named scales and grows numerically in proportion to default", () => {
    expect(resolveScale("default")).toEqual(scales.default);
    const double = resolveScale(scales.default.customers * 2);
    expect(double.customers).toBe(scales.default.customers * 2);
    expect(double.threads).toBe(scales.default.threads * 2);
    expect(resolveScale(1).sites).toBeGreaterThanOrEqual(1);
  });

  it("parses scales given as text (CLI flags), keeping digits as numbers", () => {
    expect(parseScale("25000")).toBe(25_000);
    expect(parseScale("large")).toBe("large");
    expect(() => parseScale("25k")).toThrow(/scale: expected/);
  });

  it("rejects an unknown scale naming the field and the choices", () => {
    expect(() => resolveScale("huge" as "tiny")).toThrow(/scale: expected "tiny", "default", "large"/);
    expect(() => resolveScale(2.5)).toThrow(/whole number/);
  });

  it("rejects a bad seed or epoch before generating anything", () => {
    expect(() => resolveOptions({ seed: -1, scale: "tiny" })).toThrow(/^seed: .*0 and 4294967295/);
    expect(() => resolveOptions({ seed: 1, scale: "tiny", epoch: "yesterday" })).toThrow(/^epoch: /);
    expect(() => [...customers.rows({ seed: 1.5, scale: "tiny" })]).toThrow(/seed/);
  });

  it("keeps every timestamp at or before a custom epoch", () => {
    const epoch = "2024-06-30T12:00:00Z";
    for (const row of customers.rows({ seed: 1, scale: "tiny", epoch })) {
      expect(Date.parse(row.updated_at)).toBeLessThanOrEqual(Date.parse(epoch));
    }
  });
});

describe("the large scale", () => {
  it("is production-sized: 1M customers, at least 1M alerts, 100k assets with a year of readings", () => {
    const spec = resolveScale("large");
    expect(customers.defaultRows("large")).toBe(1_000_000);
    expect(alerts.defaultRows("large")).toBeGreaterThanOrEqual(1_000_000);
    expect(assets.defaultRows("large")).toBe(100_000);
    expect(spec.scoreReadings * spec.scoreIntervalHours).toBeGreaterThanOrEqual(364 * 24);
    expect(assetScores.defaultRows("large")).toBe(100_000 * spec.scoreReadings);
  });

  it("yields the readings it declares, one interval apart, ending at the epoch's interval", () => {
    const spec = resolveScale("large");
    const rows = assetScores.rows({ seed: 1, scale: "large" })[Symbol.iterator]();
    const first: string[] = [];
    for (let k = 0; k < spec.scoreReadings + 1; k++) first.push(String(rows.next().value?.scored_at));
    const times = first.map((t) => Date.parse(t));
    expect(times[1]! - times[0]!).toBe(spec.scoreIntervalHours * 3_600_000);
    // The next asset's readings start over at the beginning of the year.
    expect(first[spec.scoreReadings]).toBe(first[0]);
  });
});
