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

  it("every person may read runs and the registry (the calling apps' users only hand work over)", () => {
    for (const user of kit.localUsers.filter((u) => !u.id.endsWith("-app"))) {
      expect(can({ email: user.email, userId: user.id, groups: user.groups }, "run.read", kit.matrix)).toBe(
        true,
      );
    }
  });
});
