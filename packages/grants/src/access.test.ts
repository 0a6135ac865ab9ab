import { describe, expect, it } from "vitest";
import { accessFor, can, permissionsOf, rolesOf } from "./access.ts";
import type { GrantsIdentity } from "./identity.ts";
import { kitMatrices } from "./kits/index.ts";
import type { KitMatrix } from "./matrix.ts";

/**
 * The access grid of every kit, written out by hand as the product decision it is: one row per
 * permission, one column per role ("x" = allowed, "-" = denied). The matrices must agree with it.
 */
const grids: Record<keyof typeof kitMatrices, { roles: string[]; rows: Record<string, string> }> = {
  "customer-hub": {
    roles: ["viewer", "account-manager", "team-lead", "privacy-officer"],
    rows: {
      "customer.read": "x x x x",
      "customer.read-all": "x - x x",
      "customer.pii.read": "- x x x",
      "consent.read": "x x x x",
      "consent.manage": "- - - x",
      "note.write": "- x x -",
      "status.change": "- x x -",
      "task.write": "- x x -",
      "genie.ask": "x x x -",
      "audit.read": "- - x x",
    },
  },
  "agent-ops": {
    roles: ["operator", "reviewer", "admin"],
    rows: {
      "run.read": "x x x",
      "checkpoint.read": "x x x",
      "review.read": "x x x",
      "review.read-all": "x - x",
      "review.claim": "- x x",
      "review.decide": "- x x",
      "review.reassign": "- - x",
      "assessment.export": "- x x",
      "agent.pause": "x - x",
      "registry.write": "- - x",
    },
  },
  "risk-compliance": {
    roles: ["analyst", "investigator", "compliance-officer", "admin"],
    rows: {
      "alert.read": "x x x x",
      "alert.claim": "x - - x",
      "alert.triage": "x - - x",
      "case.read": "x x x x",
      "case.read-all": "- - x x",
      "case.open": "x - - x",
      "case.investigate": "- x - x",
      "case.escalate": "- x - x",
      "case.decide": "- - x x",
      "evidence.write": "- x - x",
      "entity.pii.read": "- x x x",
      "policy.search": "x x x x",
      "branch.review": "- - x x",
      "branch.restore": "- - - x",
      "audit.read": "- - x x",
    },
  },
  "operations-portal": {
    roles: ["viewer", "technician", "planner", "admin"],
    rows: {
      "asset.read": "x x x x",
      "score.read": "x x x x",
      "alert.read": "x x x x",
      "alert.claim": "- x - x",
      "alert.resolve": "- x - x",
      "work-order.read": "x x x x",
      "work-order.read-all": "x - x x",
      "work-order.create": "- - x x",
      "work-order.update": "- x x x",
      "work-order.assign": "- - x x",
      "work-order.approve": "- - x x",
      "branch.preview": "- - x x",
      "site.change": "- - - x",
      "genie.ask": "x - x x",
    },
  },
};

function memberOf(matrix: KitMatrix, role: string): GrantsIdentity {
  const group = matrix.roles[role]?.groups[0];
  if (!group) throw new Error(`${matrix.kit}: role ${role} has no group`);
  return { email: `${role}@example.com`, userId: `u-${role}`, groups: [group] };
}

const cases = Object.entries(grids).flatMap(([kit, grid]) =>
  Object.entries(grid.rows).flatMap(([permission, marks]) =>
    marks
      .split(" ")
      .map((mark, i) => ({ kit, role: grid.roles[i] ?? "?", permission, allowed: mark === "x" })),
  ),
);

describe("can: every role × permission of every kit", () => {
  it.each(Object.entries(grids))(
    "%s: the grid covers exactly the declared roles and permissions",
    (kit, grid) => {
      const matrix = kitMatrices[kit as keyof typeof kitMatrices];
      expect(Object.keys(matrix.roles).sort()).toEqual([...grid.roles].sort());
      expect([...matrix.permissions].sort()).toEqual(Object.keys(grid.rows).sort());
    },
  );

  it.each(cases)("$kit: $role → $permission is $allowed", ({ kit, role, permission, allowed }) => {
    const matrix = kitMatrices[kit as keyof typeof kitMatrices] as KitMatrix;
    expect(can(memberOf(matrix, role), permission, matrix)).toBe(allowed);
  });
});

describe("roles from group membership", () => {
  const matrix = kitMatrices["customer-hub"];
  const access = accessFor(matrix);

  it("gives nothing to someone in no kit group", () => {
    const stranger = { email: "x@example.com", userId: "x", groups: ["other-team"] };
    expect(rolesOf(stranger, matrix)).toEqual([]);
    expect(access.can(stranger, "customer.read")).toBe(false);
  });

  it("unions the permissions of every role a person's groups confer", () => {
    const both = {
      email: "a@example.com",
      userId: "a",
      groups: ["customer-hub-viewers", "customer-hub-privacy-officers"],
    };
    expect(access.rolesOf(both).sort()).toEqual(["privacy-officer", "viewer"]);
    expect(access.can(both, "genie.ask")).toBe(true); // from viewer
    expect(access.can(both, "consent.manage")).toBe(true); // from privacy-officer
    expect(access.can(both, "note.write")).toBe(false);
  });

  it("maps the admins group to the team-lead role", () => {
    const admin = { email: "ad@example.com", userId: "ad", groups: ["customer-hub-admins"] };
    expect(rolesOf(admin, matrix)).toEqual(["team-lead"]);
    expect(permissionsOf(admin, matrix).has("audit.read")).toBe(true);
  });

  it("accepts a wider identity shape, e.g. one carrying displayName", () => {
    const withName = {
      email: "v@example.com",
      userId: "v",
      displayName: "Vee",
      groups: ["customer-hub-viewers"],
    };
    expect(access.can(withName, "customer.read")).toBe(true);
  });
});
