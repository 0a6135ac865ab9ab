import { describe, expect, it } from "vitest";
import { classifyFreshness } from "./freshness.ts";

const now = new Date("2026-01-01T12:00:00Z");
const min = 60_000;
const target = { target: 15 * min, limit: 60 * min };
const at = (age: number) => classifyFreshness(new Date(now.getTime() - age), now, target);

describe("classifyFreshness", () => {
  it.each([
    [0, "fresh"],
    [15 * min, "fresh"],
    [15 * min + 1, "stale"],
    [60 * min, "stale"],
    [60 * min + 1, "expired"],
  ])("age %i ms is %s", (age, state) => {
    expect(at(age)).toEqual({ state, ageMs: age });
  });

  it("treats never-synced data as expired", () => {
    expect(classifyFreshness(null, now, target)).toEqual({ state: "expired", ageMs: null });
  });

  it("clamps times slightly in the future (clock skew) to fresh", () => {
    expect(classifyFreshness(new Date(now.getTime() + 5000), now, target)).toEqual({
      state: "fresh",
      ageMs: 0,
    });
  });

  it("rejects a limit below the target and an invalid time", () => {
    expect(() => classifyFreshness(now, now, { target: 10, limit: 5 })).toThrow(/target ≤ limit/);
    expect(() => classifyFreshness(new Date("nope"), now, target)).toThrow(/not a valid date/);
  });
});
