import { describe, expect, it } from "vitest";
import { measure, quantile, ratio } from "./stats.ts";

describe("quantile", () => {
  it("picks the nearest-rank value", () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(quantile(sorted, 0.5)).toBe(50);
    expect(quantile(sorted, 0.99)).toBe(99);
    expect(quantile([7], 0.99)).toBe(7);
  });
});

describe("measure", () => {
  it("runs every operation exactly once across workers", async () => {
    const seen = new Set<number>();
    const summary = await measure(
      async (i) => {
        seen.add(i);
        await Promise.resolve();
      },
      { operations: 500, concurrency: 32 },
    );
    expect(seen.size).toBe(500);
    expect(summary.operations).toBe(500);
    expect(summary.p99Ms).toBeGreaterThanOrEqual(summary.p50Ms);
  });
});

describe("ratio", () => {
  it("divides candidate by baseline", () => {
    expect(ratio(3, 2)).toBe(1.5);
  });
});
