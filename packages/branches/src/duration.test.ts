import { describe, expect, it } from "vitest";
import { parseTtlSeconds } from "./duration.ts";

describe("parseTtlSeconds", () => {
  it.each([
    ["90m", 5400],
    ["12h", 43_200],
    ["7d", 604_800],
    ["3600s", 3600],
    ["30d", 2_592_000],
  ])("%s is %i seconds", (text, seconds) => expect(parseTtlSeconds(text)).toBe(seconds));

  it.each(["", "7", "1w", "-1d", "59s", "31d", "1.5h", "7d\u0000"])("refuses %j", (text) =>
    expect(parseTtlSeconds(text)).toBeUndefined(),
  );
});
