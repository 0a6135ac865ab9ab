import { describe, expect, it } from "vitest";
import { assertCan, can } from "./access.ts";
import { defineKitMatrix } from "./define-kit-matrix.ts";
import { PermissionDeniedError, UnknownPermissionError } from "./permission-denied-error.ts";
import { sampleMatrix } from "./testing/sample-matrices.ts";

const viewer = { email: "vic@example.com", userId: "u-17", groups: ["sample-desk-viewers"] };

describe("assertCan", () => {
  it("passes silently when the permission is held", () => {
    expect(() => assertCan(viewer, "contact.read", sampleMatrix)).not.toThrow();
  });

  it("throws a PermissionDeniedError carrying the permission, identity and a fix", () => {
    let caught: unknown;
    try {
      assertCan(viewer, "note.write", sampleMatrix);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(PermissionDeniedError);
    const denied = caught as PermissionDeniedError;
    expect(denied.permission).toBe("note.write");
    expect(denied.identity).toBe(viewer);
    expect(denied.roles).toEqual(["viewer"]);
    expect(denied.status).toBe(403);
    expect(denied.grantingGroups).toEqual([
      "sample-desk-managers",
      "sample-desk-leads",
      "sample-desk-admins",
    ]);
    expect(denied.message).toContain("vic@example.com");
    expect(denied.message).toContain('"note.write"');
    expect(denied.message).toContain("sample-desk-managers");
  });

  it("says when nobody holds a permission, pointing at the matrix instead of a group", () => {
    const matrix = defineKitMatrix({
      kit: "tiny",
      permissions: ["thing.read", "thing.nuke"],
      roles: { reader: { description: "reads", groups: ["tiny-readers"], permissions: ["thing.read"] } },
      groups: [{ name: "tiny-readers", description: "" }],
      users: [],
      unityCatalog: { schemas: [], grants: [] },
      lakebase: { schemas: [], grants: [] },
    });
    const reader = { email: "r@example.com", userId: "r", groups: ["tiny-readers"] };
    expect(() => assertCan(reader, "thing.nuke", matrix)).toThrow(
      /no role grants it; add "thing.nuke" to a role/,
    );
  });

  it("rejects an undeclared permission as a programming error, not a denial", () => {
    const untyped = can as (i: typeof viewer, p: string, m: typeof sampleMatrix) => boolean;
    expect(() => untyped(viewer, "note.wirte", sampleMatrix)).toThrow(UnknownPermissionError);
    expect(() => untyped(viewer, "note.wirte", sampleMatrix)).toThrow(
      /not declared in the sample-desk grant matrix/,
    );
  });
});
