import { can } from "@appbase/grants";
import { describe, expect, it } from "vitest";
import kit from "../../../kit.ts";
import { REGISTRY_EDIT_PERMISSION } from "./registry-permissions.ts";

// The registry's edit form and actions hang on this one permission; the matrix decides who holds it.
describe("who may change the registry", () => {
  it.each([
    ["adam", true],
    ["olga", false],
    ["rita", false],
  ])("%s: %s", (id, allowed) => {
    const user = kit.localUsers.find((u) => u.id === id)!;
    expect(
      can({ email: user.email, userId: user.id, groups: user.groups }, REGISTRY_EDIT_PERMISSION, kit.matrix),
    ).toBe(allowed);
  });

  it("every role that may read runs may read the registry", () => {
    for (const user of kit.localUsers) {
      expect(can({ email: user.email, userId: user.id, groups: user.groups }, "run.read", kit.matrix)).toBe(
        true,
      );
    }
  });
});
