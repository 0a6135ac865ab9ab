import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeWorkspace, startFakeWorkspace } from "../../testing/fake-workspace.ts";
import { workspaceClient } from "./workspace-client.ts";

let workspace: FakeWorkspace;
beforeAll(async () => {
  workspace = await startFakeWorkspace();
});
afterAll(async () => {
  await workspace.close();
});

// The client itself is @appbase/databricks (tested there); this proves the kit's wiring of it.
describe("workspaceClient", () => {
  it("calls as the app's service principal: client credentials in the Basic header, one token for concurrent calls", async () => {
    const client = workspaceClient(workspace);
    const before = workspace.calls("oidc.token");
    const tokens = await Promise.all([client.auth.token(), client.auth.token(), client.auth.token()]);
    expect(new Set(tokens).size).toBe(1);
    expect(workspace.calls("oidc.token") - before).toBe(1);
    const request = workspace.seen.filter((r) => r.route === "oidc.token").at(-1);
    expect(request?.authorization).toBe(`Basic ${Buffer.from("app-client:app-secret").toString("base64")}`);
    expect(request?.body).toEqual({ grant_type: "client_credentials", scope: "all-apis" });
  });

  it("an unreachable host is named, with the variable to check", async () => {
    const client = workspaceClient({ host: "http://127.0.0.1:9", clientId: "a", clientSecret: "b" });
    await expect(client.auth.token()).rejects.toThrow(
      /could not reach http:\/\/127\.0\.0\.1:9\/oidc\/v1\/token .*DATABRICKS_HOST/,
    );
  });
});
