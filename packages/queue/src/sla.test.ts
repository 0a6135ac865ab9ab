import { describe, expect, it } from "vitest";
import { ageLabel, slaStanding } from "./sla.ts";

const h = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 3_600_000);

describe("slaStanding", () => {
  it.each([
    [h(1), "on-track"],
    [h(3.5), "due-soon"],
    [h(5), "breached"],
  ] as const)("an open item with a 4 h SLA at %s is %s", (now, state) => {
    expect(slaStanding({ createdAt: h(0), dueAt: h(4) }, now).state).toBe(state);
  });

  it("judges a closed item by when it closed, not by now", () => {
    expect(slaStanding({ createdAt: h(0), dueAt: h(4), closedAt: h(3) }, h(10))).toEqual({
      state: "met",
      ageMs: 3 * 3_600_000,
      remainingMs: 3_600_000,
    });
    expect(slaStanding({ createdAt: h(0), dueAt: h(4), closedAt: h(6) }, h(10)).state).toBe("missed");
  });

  it("has no standing without a due time", () => {
    expect(slaStanding({ createdAt: h(0), dueAt: null }, h(1))).toEqual({
      state: "none",
      ageMs: 3_600_000,
      remainingMs: null,
    });
  });
});

describe("ageLabel", () => {
  it.each([
    [45 * 60_000, "45m"],
    [5 * 3_600_000, "5h"],
    [72 * 3_600_000, "3d"],
  ])("%i ms is %s", (ms, label) => expect(ageLabel(ms)).toBe(label));
});
