import { describe, expect, it } from "vitest";
import { plainText } from "./fields.ts";

const name = plainText("name", 10, { min: 1 });

describe("plainText", () => {
  it("trims and accepts ordinary text, tabs and newlines", () => {
    expect(name.parse("  Pump 7 ")).toBe("Pump 7");
    expect(plainText("note", 20).parse("a\tb\nc")).toBe("a\tb\nc");
  });
  it.each([
    ["", /name is required/],
    ["x".repeat(11), /at most 10 characters/],
    ["a\u0000b", /control characters/],
    ["a\uD800b", /lone surrogate/],
  ])("refuses %j with a message naming the field", (value, message) => {
    const result = name.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(message);
  });
});
