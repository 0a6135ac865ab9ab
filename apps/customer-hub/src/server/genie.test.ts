import { type FakeWorkspace, startFakeWorkspace } from "@appbase/databricks/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { customerGenieSpace } from "../testing/genie-space.ts";

const space = customerGenieSpace(0);
let fake: FakeWorkspace;
beforeAll(async () => {
  fake = await startFakeWorkspace({ clientId: "app-id", clientSecret: "app-secret", routes: space.routes });
  fake.addUser("user-token", { userName: "a@example.com" });
});
afterAll(() => fake.close());
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
      GENIE_SPACE_ID: space.spaceId,
      DATABRICKS_HOST: fake.host,
      DATABRICKS_CLIENT_ID: "app-id",
      DATABRICKS_CLIENT_SECRET: "app-secret",
    });
    const asUser = await askBoundGenie({ ...identity, accessToken: "user-token" }, "Customers per segment?");
    expect(asUser.columns).toEqual(["segment", "customers"]);
    const genieCalls = () => fake.seen.filter((s) => s.route.startsWith("genie."));
    expect(genieCalls().every((s) => s.authorization === "Bearer user-token")).toBe(true);
    const before = genieCalls().length;
    await askBoundGenie(identity, "Customers per segment?");
    const asApp = genieCalls().slice(before);
    expect(asApp.length).toBeGreaterThan(0);
    expect(asApp.every((s) => /^Bearer local-at-/.test(s.authorization ?? ""))).toBe(true);
    expect(fake.calls("oidc.token")).toBe(1);
  });
});
