import { describe, expect, it } from "vitest";
import { maskAddress, maskDate, maskEmail, maskPhone } from "./masking.ts";

describe("maskEmail", () => {
  it.each([
    ["jane.doe@example.com", "j•••@example.com"],
    ["  Bo@x.io ", "B•••@x.io"],
    ["a@b.co", "a•••@b.co"],
    ["not-an-email", "•••"],
    ["@example.com", "•••"],
    ["user@", "•••"],
  ])("%s → %s", (input, expected) => {
    expect(maskEmail(input)).toBe(expected);
  });
});

describe("maskPhone", () => {
  it("keeps layout and the last four digits", () => {
    expect(maskPhone("+1 (415) 555-0142")).toBe("+• (•••) •••-0142");
    expect(maskPhone("020 7946 0958")).toBe("••• •••• 0958");
  });
  it("hides short numbers completely", () => {
    expect(maskPhone("12345")).toBe("•••••");
  });
  it("never contains more than the last four digits of the input", () => {
    const masked = maskPhone("+44 20 7946 0958");
    expect(masked.replace(/\D/g, "")).toBe("0958");
  });
});

describe("maskAddress", () => {
  it("hides the street line and tokens with digits, keeps city and country", () => {
    expect(maskAddress("221B Baker Street, London NW1 6XE, UK")).toBe("•••, London •••, UK");
    expect(maskAddress("1 Main St, Springfield, IL 62704, USA")).toBe("•••, Springfield, IL •••, USA");
  });
  it("hides single-line addresses entirely", () => {
    expect(maskAddress("10 Downing Street")).toBe("•••");
  });
});

describe("maskDate", () => {
  it("keeps the year (or year and month) only", () => {
    expect(maskDate("1985-03-14")).toBe("1985-••-••");
    expect(maskDate(new Date(Date.UTC(1985, 2, 14)), "year-month")).toBe("1985-03-••");
  });
  it("hides unparseable dates entirely", () => {
    expect(maskDate("14th of March")).toBe("••••-••-••");
  });
});
