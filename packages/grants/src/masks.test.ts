import { describe, expect, it } from "vitest";
import { HIDDEN, maskValue } from "./masks.ts";
import { maskEverything, shield } from "./shield.ts";

describe("maskValue: one output per column rule format", () => {
  it.each([
    ["email", "jane.doe@example.com", "j•••@example.com"],
    ["email", "  Bo@x.io ", "B•••@x.io"],
    ["email", "not-an-email", HIDDEN],
    ["email", "@example.com", HIDDEN],
    ["email", "user@", HIDDEN],
    ["phone", "+1 (415) 555-0142", "+• (•••) •••-0142"],
    ["phone", "020 7946 0958", "••• •••• 0958"],
    ["phone", "12345", "•••••"],
    ["last4", "123-45-6789", "•••6789"],
    ["last4", "1234", HIDDEN],
    ["year", "1985-03-14", "1985-••-••"],
    ["year", new Date("1990-02-03T00:00:00Z"), "1990-••-••"],
    ["year", "yesterday", HIDDEN],
    ["redact", "221B Baker Street", HIDDEN],
    ["redact", 42, HIDDEN],
  ] as const)("%s(%s) → %s", (format, value, expected) => {
    expect(maskValue(value, format)).toBe(expected);
  });

  it("never shows more than the last four digits of a phone number", () => {
    expect(maskValue("+44 20 7946 0958", "phone").replace(/\D/g, "")).toBe("0958");
  });
});

describe("shield", () => {
  it("keeps nulls as nulls and withholds an omitted column", () => {
    expect(shield(null, { mask: "email", unmasked: false })).toEqual({ value: null, masked: false });
    expect(shield("secret", { mask: "omit", unmasked: false })).toEqual({ value: null, masked: true });
  });

  it("passes a value through when no rule covers it or the viewer may see it", () => {
    expect(shield("x", undefined)).toEqual({ value: "x", masked: false });
    expect(shield("x", { mask: "redact", unmasked: true })).toEqual({ value: "x", masked: false });
  });

  it("maskEverything masks every column whatever the viewer holds", () => {
    const all = maskEverything({ email: { mask: "email", unmasked: true } });
    expect(shield("a@b.co", all.email)).toEqual({ value: "a•••@b.co", masked: true });
  });
});
