import { afterEach, describe, expect, it } from "vitest";
import { appWorkspaceClient, missingAppPrincipal } from "./app-principal.ts";
import { type FakeWorkspace, startFakeWorkspace } from "./testing/index.ts";

let fake: FakeWorkspace | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe("the app's service principal from the injected variables", () => {
  it("names the variables that are not set", () => {
    expect(missingAppPrincipal({ DATABRICKS_HOST: "https://w", DATABRICKS_CLIENT_SECRET: "" })).toEqual([
      "DATABRICKS_CLIENT_ID",
      "DATABRICKS_CLIENT_SECRET",
    ]);
    expect(() => appWorkspaceClient({})).toThrow(
      /DATABRICKS_HOST, DATABRICKS_CLIENT_ID, DATABRICKS_CLIENT_SECRET/,
    );
  });

  it("calls the workspace with an M2M token of those credentials", async () => {
    fake = await startFakeWorkspace({});
    const client = appWorkspaceClient({
      DATABRICKS_HOST: fake.host,
      DATABRICKS_CLIENT_ID: fake.clientId,
      DATABRICKS_CLIENT_SECRET: fake.clientSecret,
    });
    expect(await client.auth.token()).toMatch(/\S/);
    expect(fake.calls("oidc.token")).toBe(1);
  });
});
