import { describe, expect, it } from "vitest";
import { columnRulesFor, resolveColumnRules } from "./column-rules.ts";
import type { KitMatrix } from "./matrix.ts";
import { shield } from "./shield.ts";

const matrix = {
  kit: "sample-kit",
  permissions: ["profile.read", "profile.pii.read"],
  roles: {
    viewer: { description: "", groups: ["sample-viewers"], permissions: ["profile.read"] },
    manager: {
      description: "",
      groups: ["sample-managers"],
      permissions: ["profile.read", "profile.pii.read"],
    },
  },
  groups: [
    { name: "sample-viewers", description: "" },
    { name: "sample-managers", description: "" },
  ],
  users: [],
  unityCatalog: { schemas: [], grants: [] },
  lakebase: { schemas: [], grants: [] },
  columnRules: {
    "sample.profile": {
      email: { mask: "email", unmaskedWith: "profile.pii.read" },
      national_id: { mask: "last4", unmaskedWith: "profile.pii.read" },
      birth_date: { mask: "year", unmaskedWith: "profile.pii.read" },
    },
  },
  rowRules: {},
} satisfies KitMatrix<"profile.read" | "profile.pii.read", "viewer" | "manager">;

const viewer = { email: "v@example.com", userId: "v", groups: ["sample-viewers"] };
const manager = { email: "m@example.com", userId: "m", groups: ["sample-managers"] };
const rules = columnRulesFor(matrix, "sample.profile");

describe("column rules", () => {
  it("resolves every protected column as masked for a role without the unmasking permission", () => {
    const resolved = resolveColumnRules(viewer, rules, matrix);
    expect(resolved).toEqual({
      email: { mask: "email", unmasked: false },
      national_id: { mask: "last4", unmasked: false },
      birth_date: { mask: "year", unmasked: false },
    });
    expect(shield("jane.doe@example.com", resolved.email)).toEqual({
      value: "j•••@example.com",
      masked: true,
    });
    expect(shield("123-45-6789", resolved.national_id).value).toBe("•••6789");
  });

  it("resolves them as raw for a role holding the permission", () => {
    const resolved = resolveColumnRules(manager, rules, matrix);
    expect(Object.values(resolved).every((rule) => rule.unmasked)).toBe(true);
    expect(shield("jane.doe@example.com", resolved.email)).toEqual({
      value: "jane.doe@example.com",
      masked: false,
    });
  });

  it("names the table when asked for rules the matrix does not declare", () => {
    expect(() => columnRulesFor(matrix, "sample.nope")).toThrow(/no column rules for "sample.nope"/);
  });
});
