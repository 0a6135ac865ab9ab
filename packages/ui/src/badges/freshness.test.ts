import { describe, expect, it } from "vitest";
import { classifyFreshness } from "./freshness.ts";

const now = new Date("2026-01-01T12:00:00Z");
const min = 60_000;
const ago = (ms: number) => new Date(now.getTime() - ms);
const at = (age: number) => classifyFreshness({ at: ago(age), now, target: 15 * min, limit: 60 * min });

describe("classifyFreshness", () => {
  it.each([
    [0, "fresh"],
    [15 * min, "fresh"],
    [15 * min + 1, "stale"],
    [60 * min, "stale"],
    [60 * min + 1, "expired"],
  ])("age %i ms is %s", (age, state) => {
    expect(at(age).state).toBe(state);
  });

  it("phrases the age for people", () => {
    expect(at(4 * min).ageText).toBe("4 min ago");
    expect(at(10_000).ageText).toBe("just now");
    expect(at(3 * 60 * min).ageText).toBe("3 h ago");
    expect(at(4 * min).ageMs).toBe(4 * min);
  });

  it("treats never-synced data as expired", () => {
    expect(classifyFreshness({ at: null, now, target: 1, limit: 2 })).toEqual({
      state: "expired",
      ageMs: null,
      ageText: "never",
    });
  });

  it("clamps timestamps slightly in the future (clock skew) to fresh", () => {
    const result = classifyFreshness({
      at: new Date(now.getTime() + 5000),
      now,
      target: min,
      limit: 2 * min,
    });
    expect(result).toMatchObject({ state: "fresh", ageMs: 0 });
  });

  it("accepts ISO strings and epoch ms", () => {
    expect(
      classifyFreshness({ at: "2026-01-01T11:50:00Z", now: now.getTime(), target: 15 * min, limit: 60 * min })
        .state,
    ).toBe("fresh");
  });

  it("rejects a limit below the target and an unparseable time, naming the field", () => {
    expect(() => classifyFreshness({ at: now, now, target: 10, limit: 5 })).toThrow(
      /limit: limit must be at least target/,
    );
    expect(() => classifyFreshness({ at: "yesterday-ish", now, target: 10, limit: 20 })).toThrow(
      /^at: "yesterday-ish" is not a valid time/,
    );
  });
});
