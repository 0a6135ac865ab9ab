import { describe, expect, it } from "vitest";
import { columnRulesFor, maskedColumns, maskRow } from "./column-rules.ts";
import { customerHubMatrix } from "./kits/customer-hub.ts";
import { riskComplianceMatrix } from "./kits/risk-compliance.ts";
import { maskValue, REDACTED } from "./masks.ts";

const profile = {
  customer_id: "c-1",
  name: "Jane Doe",
  email: "jane.doe@example.com",
  phone: "+1 (415) 555-0142",
  address: "1 Main St, Springfield",
  birth_date: "1984-05-12",
};
const viewer = { email: "v@example.com", userId: "v", groups: ["customer-hub-viewers"] };
const manager = { email: "m@example.com", userId: "m", groups: ["customer-hub-account-managers"] };
const rules = columnRulesFor(customerHubMatrix, "customer.customer_profile");

describe("column rules", () => {
  it("masks every PII column for a role without customer.pii.read", () => {
    expect(maskRow(viewer, profile, rules, customerHubMatrix)).toEqual({
      customer_id: "c-1",
      name: "Jane Doe",
      email: "j***@example.com",
      phone: "***-***-0142",
      address: REDACTED,
      birth_date: "1984-**-**",
    });
    expect(maskedColumns(viewer, rules, customerHubMatrix).sort()).toEqual([
      "address",
      "birth_date",
      "email",
      "phone",
    ]);
  });

  it("shows PII unmasked to a role holding customer.pii.read", () => {
    expect(maskRow(manager, profile, rules, customerHubMatrix)).toEqual(profile);
    expect(maskedColumns(manager, rules, customerHubMatrix)).toEqual([]);
  });

  it("keeps nulls as nulls and leaves the input row untouched", () => {
    const row = { ...profile, phone: null };
    const masked = maskRow(viewer, row, rules, customerHubMatrix);
    expect(masked.phone).toBeNull();
    expect(row.email).toBe("jane.doe@example.com");
  });

  it("omits a column whose rule says omit", () => {
    const matrix = {
      ...customerHubMatrix,
      columnRules: {
        "customer.x": { secret: { mask: "omit" as const, unmaskedWith: "customer.pii.read" as const } },
      },
    };
    const masked = maskRow(viewer, { id: 1, secret: "s" }, columnRulesFor(matrix, "customer.x"), matrix);
    expect(masked).toEqual({ id: 1 });
    expect("secret" in masked).toBe(false);
  });

  it("masks risk entities by last four of the national id", () => {
    const analyst = { email: "a@example.com", userId: "a", groups: ["risk-compliance-analysts"] };
    const entity = {
      national_id: "123-45-6789",
      date_of_birth: new Date("1990-02-03T00:00:00Z"),
      address: "x",
    };
    const masked = maskRow(
      analyst,
      entity,
      columnRulesFor(riskComplianceMatrix, "risk.entity"),
      riskComplianceMatrix,
    );
    expect(masked).toEqual({ national_id: "****6789", date_of_birth: "1990-**-**", address: REDACTED });
  });

  it("names the table when asked for rules the matrix does not declare", () => {
    expect(() => columnRulesFor(customerHubMatrix, "customer.nope")).toThrow(
      /no column rules for "customer.nope"/,
    );
  });
});

describe("maskValue", () => {
  it.each([
    ["email", "ab@c.io", "a***@c.io"],
    ["email", "not-an-email", REDACTED],
    ["phone", "12", REDACTED],
    ["last4", "1234", REDACTED],
    ["year", "yesterday", REDACTED],
    ["redact", 42, REDACTED],
  ] as const)("%s(%s) → %s", (format, value, expected) => {
    expect(maskValue(value, format)).toBe(expected);
  });
});
