import { describe, expect, it } from "vitest";
import { can } from "../access.ts";
import type { KitMatrix } from "../matrix.ts";

/**
 * A kit's access grid, written out by hand as the product decision it is: one row per permission,
 * one column per role ("x" allowed, "-" denied). Registers tests that the matrix agrees with it.
 */
export function describeAccessGrid(
  matrix: KitMatrix,
  grid: { roles: readonly string[]; rows: Readonly<Record<string, string>> },
): void {
  describe(`${matrix.kit}: every role × permission`, () => {
    it("the grid covers exactly the declared roles and permissions", () => {
      expect(Object.keys(matrix.roles).sort()).toEqual([...grid.roles].sort());
      expect([...matrix.permissions].sort()).toEqual(Object.keys(grid.rows).sort());
    });
    const cases = Object.entries(grid.rows).flatMap(([permission, marks]) =>
      marks.split(" ").map((mark, i) => ({ role: grid.roles[i] ?? "?", permission, allowed: mark === "x" })),
    );
    it.each(cases)("$role → $permission is $allowed", ({ role, permission, allowed }) => {
      const group = matrix.roles[role]?.groups[0];
      expect(group, `role ${role} has a group`).toBeDefined();
      const member = { email: `${role}@example.com`, userId: `u-${role}`, groups: [group as string] };
      expect(can(member, permission, matrix)).toBe(allowed);
    });
  });
}
