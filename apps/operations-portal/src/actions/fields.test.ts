import { describe, expect, it } from "vitest";
import { plainText, versionField } from "./fields.ts";

describe("plainText", () => {
  const title = plainText("title", 10, { min: 1 });
  it.each([
    ["\u0000x", /control characters/],
    ["a\ud800b", /lone surrogate/],
    ["x".repeat(11), /at most 10/],
    ["   ", /title is required/],
  ])("refuses %j as a field error", (input, message) => {
    const parsed = title.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(message);
  });

  it("keeps ordinary text, trimmed, with newlines and emoji", () => {
    expect(title.parse("  Pump 🚰\nok ")).toBe("Pump 🚰\nok");
  });

  it("versions out of range are refused", () => {
    for (const v of ["-1", "0", "1e9", "abc", "1.5"]) expect(versionField.safeParse(v).success).toBe(false);
  });
});
