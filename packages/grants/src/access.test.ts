import { describe, expect, it } from "vitest";
import { accessFor, permissionsOf, rolesOf } from "./access.ts";
import { describeAccessGrid } from "./testing/access-grid.ts";
import { sampleMatrix } from "./testing/sample-matrices.ts";

describeAccessGrid(sampleMatrix, {
  roles: ["viewer", "manager", "lead", "officer"],
  rows: {
    "contact.read": "x x x x",
    "contact.read-all": "x - x x",
    "contact.pii.read": "- x x x",
    "note.write": "- x x -",
    "case.claim": "- x x -",
    "audit.read": "- - - x",
  },
});

describe("roles from group membership", () => {
  const matrix = sampleMatrix;
  const access = accessFor(matrix);

  it("gives nothing to someone in no kit group", () => {
    const stranger = { email: "x@example.com", userId: "x", groups: ["other-team"] };
    expect(rolesOf(stranger, matrix)).toEqual([]);
    expect(access.can(stranger, "contact.read")).toBe(false);
  });

  it("unions the permissions of every role a person's groups confer", () => {
    const both = {
      email: "a@example.com",
      userId: "a",
      groups: ["sample-desk-viewers", "sample-desk-officers"],
    };
    expect(access.rolesOf(both).sort()).toEqual(["officer", "viewer"]);
    expect(access.can(both, "contact.read-all")).toBe(true); // from viewer
    expect(access.can(both, "audit.read")).toBe(true); // from officer
    expect(access.can(both, "note.write")).toBe(false);
  });

  it("maps the admins group to the lead role", () => {
    const admin = { email: "ad@example.com", userId: "ad", groups: ["sample-desk-admins"] };
    expect(rolesOf(admin, matrix)).toEqual(["lead"]);
    expect(permissionsOf(admin, matrix).has("note.write")).toBe(true);
  });

  it("accepts a wider identity shape, e.g. one carrying displayName", () => {
    const withName = {
      email: "v@example.com",
      userId: "v",
      displayName: "Vee",
      groups: ["sample-desk-viewers"],
    };
    expect(access.can(withName, "contact.read")).toBe(true);
  });
});
