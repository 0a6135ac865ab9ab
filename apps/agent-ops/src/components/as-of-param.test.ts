import { describe, expect, it } from "vitest";
import { asOfInputValue, parseAsOfParam } from "./as-of-param.ts";

describe("parseAsOfParam", () => {
  it.each([
    ["2026-11-22T08:30", "2026-11-22T08:30:00.000Z"],
    ["2026-11-22T08:30:05", "2026-11-22T08:30:05.000Z"],
    ["2026-11-22T08:30:05.250", "2026-11-22T08:30:05.250Z"],
    ["2026-11-22T09:30:05+01:00", "2026-11-22T08:30:05.000Z"],
    ["2026-11-22T08:30:05.123Z", "2026-11-22T08:30:05.123Z"],
  ])("reads %s as %s", (raw, iso) => {
    expect(parseAsOfParam(raw)).toEqual({ at: new Date(iso) });
  });

  it.each(["yesterday", "2026-11-22", "2026-13-40T99:99", "2026-02-30T10:00", "0000-01-01T00:00Z", "\u0000"])(
    "explains how to write %j",
    (raw) => {
      const parsed = parseAsOfParam(raw);
      expect(parsed).toHaveProperty("error");
      expect((parsed as { error: string }).error).toMatch(
        /asOf .*(date and time|not a real|between|control characters)/,
      );
    },
  );

  it("treats an empty or missing parameter as the current registry", () => {
    expect(parseAsOfParam(undefined)).toBeNull();
    expect(parseAsOfParam(" ")).toBeNull();
  });

  it.each(["2026-11-22T08:30:05.000Z", "2026-11-22T08:30:05.042Z"])(
    "round-trips %s through the control",
    (iso) => {
      const at = new Date(iso);
      expect(parseAsOfParam(asOfInputValue(at))).toEqual({ at });
    },
  );
});
