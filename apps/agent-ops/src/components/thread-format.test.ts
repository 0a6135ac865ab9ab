import { describe, expect, it } from "vitest";
import { formatDuration, formatInstant, nodeLabel } from "./thread-format.ts";

describe("formatDuration", () => {
  it.each([
    [0, "0 ms"],
    [849.6, "850 ms"],
    [12_340, "12.3 s"],
    [245_000, "4 min 05 s"],
    [7_380_000, "2 h 03 min"],
    [-1, "—"],
    [Number.NaN, "—"],
  ])("%s ms → %s", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe("formatInstant and nodeLabel", () => {
  it("prints UTC to the second and names the input step", () => {
    expect(formatInstant("2026-11-22T08:30:01.456Z")).toBe("2026-11-22 08:30:01 UTC");
    expect(formatInstant("not a date")).toBe("—");
    expect(formatInstant(null)).toBe("—");
    expect(nodeLabel(["__start__"])).toBe("input");
    expect(nodeLabel(["tools", "model"])).toBe("tools, model");
    expect(nodeLabel([])).toBe("—");
  });
});
