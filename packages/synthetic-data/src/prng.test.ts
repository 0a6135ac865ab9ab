import { describe, expect, it } from "vitest";
import { Prng, rngFor, streamKey } from "./prng.ts";

describe("Prng", () => {
  it("repeats the same sequence for the same key and differs for another key", () => {
    const a = Array.from(
      { length: 5 },
      (
        (r) => () =>
          r.nextUint32()
      )(new Prng(7)),
    );
    const b = Array.from(
      { length: 5 },
      (
        (r) => () =>
          r.nextUint32()
      )(new Prng(7)),
    );
    const c = Array.from(
      { length: 5 },
      (
        (r) => () =>
          r.nextUint32()
      )(new Prng(8)),
    );
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it("derives independent streams per seed and key", () => {
    expect(streamKey(1, "customer", 0)).not.toBe(streamKey(1, "customer", 1));
    expect(streamKey(1, "customer", 0)).not.toBe(streamKey(2, "customer", 0));
    expect(streamKey(1, "customer", 0)).not.toBe(streamKey(1, "entity", 0));
    expect(rngFor(3, "x", 9).next()).toBe(rngFor(3, "x", 9).next());
  });

  it("draws uniform floats in [0, 1) with the right mean", () => {
    const r = new Prng(123);
    let sum = 0;
    let outOfRange = 0;
    for (let i = 0; i < 100_000; i++) {
      const v = r.next();
      if (v < 0 || v >= 1) outOfRange++;
      sum += v;
    }
    expect(outOfRange).toBe(0);
    expect(sum / 100_000).toBeCloseTo(0.5, 2);
  });

  it("covers both ends of an inclusive int range", () => {
    const r = new Prng(5);
    const seen = new Set<number>();
    for (let i = 0; i < 2_000; i++) seen.add(r.int(1, 6));
    expect([...seen].sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("honours weights", () => {
    const r = new Prng(11);
    let heavy = 0;
    for (let i = 0; i < 50_000; i++)
      if (
        r.weighted([
          ["a", 9],
          ["b", 1],
        ] as const) === "a"
      )
        heavy++;
    expect(heavy / 50_000).toBeGreaterThan(0.88);
    expect(heavy / 50_000).toBeLessThan(0.92);
  });

  it("samples distinct elements", () => {
    const picked = new Prng(2).sample([1, 2, 3, 4, 5], 3);
    expect(new Set(picked).size).toBe(3);
    expect(new Prng(2).sample([1, 2], 5)).toHaveLength(2);
  });

  it("names the problem when picking from an empty list", () => {
    expect(() => new Prng(1).pick([])).toThrow(/empty/);
  });
});
