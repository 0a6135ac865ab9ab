import { describe, expect, it } from "vitest";
import { reasonField, titleField, versionField } from "./fields.ts";

describe("the kit's input fields", () => {
  it.each([
    ["\u0000x", /control characters/],
    ["a\ud800b", /lone surrogate/],
    ["x".repeat(201), /at most 200/],
    ["   ", /title is required/],
  ])("a title of %j is a field error", (input, message) => {
    const parsed = titleField.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(message);
  });

  it("a reason has a maximum", () => {
    expect(reasonField.safeParse("x".repeat(501)).success).toBe(false);
    expect(reasonField.parse(" Waiting for parts ")).toBe("Waiting for parts");
  });

  it("versions out of range are refused", () => {
    for (const v of ["-1", "0", "1e9", "abc", "1.5"]) expect(versionField.safeParse(v).success).toBe(false);
  });
});
