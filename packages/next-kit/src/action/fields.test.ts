import { describe, expect, it } from "vitest";
import {
  calendarDay,
  emailAddress,
  INT4_MAX,
  instant,
  plainText,
  versionNumber,
  wholeNumber,
} from "./fields.ts";

const firstMessage = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues[0]?.message;

describe("plainText", () => {
  const name = plainText("name", 10, { min: 1 });
  it("trims and accepts ordinary text, tabs, newlines and paired surrogates", () => {
    expect(name.parse("  Pump 7 ")).toBe("Pump 7");
    expect(plainText("note", 20).parse("a\tb\nc 😀")).toBe("a\tb\nc 😀");
  });
  it.each([
    ["", /name is required/],
    ["x".repeat(11), /at most 10 characters/],
    ["a\u0000b", /control characters/],
    ["a\uD800b", /lone surrogate/],
    ["a\uDC00", /lone surrogate/],
  ])("refuses %j with a message naming the field", (value, message) => {
    expect(firstMessage(name.safeParse(value))).toMatch(message);
  });
  it("words a missing text as the field asks", () => {
    const why = plainText("rationale", 100, { min: 3, required: "Say why you decided this." });
    expect(firstMessage(why.safeParse(" a "))).toBe("Say why you decided this.");
  });
});

describe("versionNumber", () => {
  const version = versionNumber();
  it("accepts whole numbers from 1 to the int4 maximum, as numbers or digits", () => {
    expect(version.parse(1)).toBe(1);
    expect(version.parse(" 42 ")).toBe(42);
    expect(version.parse(INT4_MAX)).toBe(INT4_MAX);
    expect(versionNumber("expectedVersion", { min: 0 }).parse("0")).toBe(0);
  });
  it.each([null, false, true, "", [], {}, 0, -1, 1.5, "1.5", "1e3", 2 ** 31, "2147483648", Number.NaN])(
    "refuses %j instead of coercing it",
    (value) => {
      expect(firstMessage(version.safeParse(value))).toMatch(/expectedVersion/);
    },
  );
});

describe("wholeNumber", () => {
  const days = wholeNumber("days", { min: -90, max: 90 });
  it("accepts numbers and digits in range, negative too", () => {
    expect(days.parse("-5")).toBe(-5);
    expect(days.parse(90)).toBe(90);
  });
  it.each([91, "1e1", "", null, Number.POSITIVE_INFINITY, "9".repeat(13)])("refuses %j", (value) => {
    expect(firstMessage(days.safeParse(value))).toMatch(/days .*whole number from -90 to 90/);
  });
});

describe("calendarDay", () => {
  const due = calendarDay("dueDate");
  it("accepts a real day in range and keeps the text", () => {
    expect(due.parse("2028-02-29")).toBe("2028-02-29");
  });
  it.each([
    ["2026-02-30", /not a day of the calendar/],
    ["2027-02-29", /not a day of the calendar/],
    ["2026-13-01", /not a day of the calendar/],
    ["0000-01-01", /between 1970-01-01 and 2099-12-31/],
    ["9999-12-31", /between/],
    ["2026-2-3", /YYYY-MM-DD/],
    ["2026-02-03T00:00", /YYYY-MM-DD/],
  ])("refuses %j", (value, message) => {
    expect(firstMessage(due.safeParse(value))).toMatch(message);
  });
});

describe("instant", () => {
  const asOf = instant("asOf");
  it("reads a bare time as UTC and keeps a zone", () => {
    expect(asOf.parse("2026-11-22T08:30").toISOString()).toBe("2026-11-22T08:30:00.000Z");
    expect(asOf.parse("2026-11-22T09:30:00+01:00").toISOString()).toBe("2026-11-22T08:30:00.000Z");
  });
  it.each(["2026-02-30T00:00:00", "2026-01-01T24:00", "2026-01-01T10:60", "0000-01-01T00:00Z", "tomorrow"])(
    "refuses %j",
    (value) => {
      expect(firstMessage(asOf.safeParse(value))).toMatch(/asOf/);
    },
  );
});

describe("emailAddress", () => {
  const email = emailAddress("assigneeEmail");
  it.each(["ann.manager@example.com", "o'neil+tag@sub.example.co"])("accepts %s", (value) => {
    expect(email.parse(value)).toBe(value);
  });
  it.each([
    [`${"a".repeat(65)}@example.com`, /at most 64/],
    [`${"a".repeat(300)}@example.com`, /at most 254/],
    ["a..b@example.com", /two dots/],
    [".a@example.com", /before @/],
    ["a b@example.com", /before @/],
    ["a@b", /domain such as/],
    ["a@-b.com", /domain such as/],
    ["a@example.c0m", /top-level domain/],
    ["nobody", /email address/],
    ["a@example.com\u0000", /domain/],
  ])("refuses %j", (value, message) => {
    expect(firstMessage(email.safeParse(value))).toMatch(message);
  });
});
