import { describe, expect, it } from "vitest";
import { binValues } from "./bins.ts";
import { formatValue, zeroBasedTicks } from "./format.ts";
import { funnelSteps, mergeSeries } from "./series.ts";

describe("binValues", () => {
  it("splits the range into equal bins with the maximum in the last bin", () => {
    const bins = binValues([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], { bins: 5 });
    expect(bins.map((b) => [b.start, b.end, b.count])).toEqual([
      [0, 2, 2],
      [2, 4, 2],
      [4, 6, 2],
      [6, 8, 2],
      [8, 10, 3],
    ]);
  });

  it("counts every finite value once and ignores NaN and values outside an explicit range", () => {
    const values = [0.05, 0.5, 0.95, 1.5, Number.NaN, -1];
    const bins = binValues(values, { bins: 10, min: 0, max: 1 });
    expect(bins.reduce((sum, b) => sum + b.count, 0)).toBe(3);
  });

  it("handles no values and all-equal values", () => {
    expect(binValues([])).toEqual([]);
    expect(binValues([3, 3, 3], { bins: 1 })).toEqual([{ start: 2.5, end: 3.5, count: 3 }]);
  });

  it("rejects max below min", () => {
    expect(() => binValues([1], { min: 5, max: 1 })).toThrow(/max \(1\) is below min \(5\)/);
  });
});

describe("mergeSeries", () => {
  it("aligns series by timestamp, sorted, with null where a series has no point", () => {
    const rows = mergeSeries([
      {
        key: "a",
        label: "A",
        points: [
          { at: "2026-01-01T01:00:00Z", value: 2 },
          { at: "2026-01-01T00:00:00Z", value: 1 },
        ],
      },
      { key: "b", label: "B", points: [{ at: Date.parse("2026-01-01T01:00:00Z"), value: 5 }] },
    ]);
    expect(rows).toEqual([
      { t: Date.parse("2026-01-01T00:00:00Z"), a: 1, b: null },
      { t: Date.parse("2026-01-01T01:00:00Z"), a: 2, b: 5 },
    ]);
  });

  it("names the series with a bad timestamp", () => {
    expect(() => mergeSeries([{ key: "lat", label: "L", points: [{ at: "soon", value: 1 }] }])).toThrow(
      /series\[lat\]/,
    );
  });
});

describe("funnelSteps", () => {
  it("computes conversion from the first and the previous step without dividing by zero", () => {
    expect(
      funnelSteps([
        { label: "a", value: 200 },
        { label: "b", value: 50 },
        { label: "c", value: 10 },
      ]),
    ).toEqual([
      { label: "a", value: 200, ofFirst: 1, ofPrevious: 1 },
      { label: "b", value: 50, ofFirst: 0.25, ofPrevious: 0.25 },
      { label: "c", value: 10, ofFirst: 0.05, ofPrevious: 0.2 },
    ]);
    expect(
      funnelSteps([
        { label: "a", value: 0 },
        { label: "b", value: 0 },
      ]).map((s) => s.ofFirst),
    ).toEqual([0, 0]);
  });
});

describe("formatValue", () => {
  it("formats by named format so server components can choose it", () => {
    expect(formatValue(1234567, "number")).toBe("1,234,567");
    expect(formatValue(1234567, "compact")).toBe("1.2M");
    expect(formatValue(0.256, "percent")).toBe("25.6%");
    expect(formatValue(850, "ms")).toBe("850 ms");
    expect(formatValue(2500, "ms")).toBe("2.5 s");
    expect(formatValue(5_400_000, "ms")).toBe("1.5 h");
    expect(formatValue(1_800_000, "ms")).toBe("30 min");
    expect(formatValue(9_000_000, "ms")).toBe("2.5 h");
    expect(formatValue(3 * 86_400_000, "ms")).toBe("3 d");
    expect(formatValue(60_000, "ms")).toBe("1 min");
    expect(formatValue(Number.NaN)).toBe("—");
  });
});

describe("zeroBasedTicks", () => {
  it.each([
    [260, [0, 100, 200, 300]],
    [108, [0, 25, 50, 75, 100, 125]],
    [70, [0, 20, 40, 60, 80]],
    [100, [0, 20, 40, 60, 80, 100]],
    [0.34, [0, 0.1, 0.2, 0.3, 0.4]],
    [0, [0, 1]],
  ])("max %d → %j", (max, ticks) => {
    expect(zeroBasedTicks(max)).toEqual(ticks);
  });
});
