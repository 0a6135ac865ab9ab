import { describe, expect, it } from "vitest";
import { columnRulesFor, resolveColumnRules } from "./column-rules.ts";
import { customerHubMatrix } from "./kits/customer-hub.ts";
import { riskComplianceMatrix } from "./kits/risk-compliance.ts";
import { shield } from "./shield.ts";

const viewer = { email: "v@example.com", userId: "v", groups: ["customer-hub-viewers"] };
const manager = { email: "m@example.com", userId: "m", groups: ["customer-hub-account-managers"] };
const rules = columnRulesFor(customerHubMatrix, "customer.customer_profile");

describe("column rules", () => {
  it("resolves every PII column as masked for a role without the unmasking permission", () => {
    const resolved = resolveColumnRules(viewer, rules, customerHubMatrix);
    expect(Object.keys(resolved).sort()).toEqual(Object.keys(rules).sort());
    for (const [column, rule] of Object.entries(rules)) {
      expect(resolved[column]).toEqual({ mask: rule.mask, unmasked: false });
    }
    expect(shield("jane.doe@example.com", resolved.email)).toEqual({
      value: "j•••@example.com",
      masked: true,
    });
  });

  it("resolves PII as raw for a role holding the permission", () => {
    const resolved = resolveColumnRules(manager, rules, customerHubMatrix);
    expect(Object.values(resolved).every((rule) => rule.unmasked)).toBe(true);
    expect(shield("jane.doe@example.com", resolved.email)).toEqual({
      value: "jane.doe@example.com",
      masked: false,
    });
  });

  it("masks risk entities by the last four of the national id", () => {
    const analyst = { email: "a@example.com", userId: "a", groups: ["risk-compliance-analysts"] };
    const resolved = resolveColumnRules(
      analyst,
      columnRulesFor(riskComplianceMatrix, "risk.entity"),
      riskComplianceMatrix,
    );
    expect(shield("123-45-6789", resolved.national_id).value).toBe("•••6789");
  });

  it("names the table when asked for rules the matrix does not declare", () => {
    expect(() => columnRulesFor(customerHubMatrix, "customer.nope")).toThrow(
      /no column rules for "customer.nope"/,
    );
  });
});
