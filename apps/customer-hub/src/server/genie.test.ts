import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { type FakeGenie, startFakeGenie } from "../testing/fake-genie.ts";

let genie: FakeGenie;
beforeAll(async () => {
  genie = await startFakeGenie({ pollsBeforeDone: 0 });
});
afterAll(() => genie.close());
afterEach(() => vi.unstubAllEnvs());

const identity = {
  email: "a@example.com",
  userId: "a",
  displayName: "A",
  source: "forwarded" as const,
  groups: [],
  roles: [],
};

// server/genie.ts reads the environment once per module instance, so each case imports a fresh copy.
async function loadWith(env: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  return import("./genie.ts");
}

describe("bound Genie", () => {
  it("says how to bind it when no genie_space is bound", async () => {
    const { genieBinding } = await loadWith({ GENIE_SPACE_ID: undefined, DATABRICKS_HOST: undefined });
    const binding = genieBinding();
    expect(binding.bound).toBe(false);
    expect(binding.bound === false && binding.howToBind).toMatch(/genie_space.*GENIE_SPACE_ID/s);
  });

  it("asks as the user with a forwarded token, else as the app's service principal", async () => {
    const { askBoundGenie } = await loadWith({
      GENIE_SPACE_ID: genie.spaceId,
      DATABRICKS_HOST: genie.url,
      DATABRICKS_CLIENT_ID: "app-id",
      DATABRICKS_CLIENT_SECRET: "app-secret",
    });
    const asUser = await askBoundGenie({ ...identity, accessToken: "user-token" }, "Customers per segment?");
    expect(asUser.columns).toEqual(["segment", "customers"]);
    expect(genie.authorizations).toContain("Bearer user-token");
    genie.authorizations.length = 0;
    await askBoundGenie(identity, "Customers per segment?");
    expect(genie.authorizations.filter((a) => a.startsWith("Bearer"))).toEqual(
      expect.arrayContaining(["Bearer app-token"]),
    );
    expect(genie.authorizations).not.toContain("Bearer user-token");
  });
});
