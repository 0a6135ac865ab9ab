import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeWorkspace, startFakeWorkspace } from "../../testing/fake-workspace.ts";
import { WorkspaceApiError, workspaceClient } from "./workspace-client.ts";

let workspace: FakeWorkspace;
beforeAll(async () => {
  workspace = await startFakeWorkspace();
});
afterAll(async () => {
  await workspace.close();
});

const tokenRequests = () => workspace.seen.filter((r) => r.path === "/oidc/v1/token").length;

describe("workspaceClient", () => {
  it("sends client credentials in the Basic header and shares one token across concurrent calls", async () => {
    const client = workspaceClient({ ...workspace, retryDelaysMs: [] });
    const before = tokenRequests();
    const tokens = await Promise.all([client.token(), client.token(), client.token()]);
    expect(new Set(tokens).size).toBe(1);
    expect(tokenRequests() - before).toBe(1);
    const request = workspace.seen.filter((r) => r.path === "/oidc/v1/token").at(-1);
    expect(request?.authorization).toBe(`Basic ${Buffer.from("app-client:app-secret").toString("base64")}`);
    expect(request?.body).toBe("grant_type=client_credentials&scope=all-apis");
  });

  it("an unknown API is a 404 error naming the call, not retried", async () => {
    const client = workspaceClient({ ...workspace, retryDelaysMs: [1, 1] });
    const failure = await client
      .request("GET", "/api/2.0/nothing-here", undefined, "Reading nothing")
      .catch((e) => e);
    expect(failure).toBeInstanceOf(WorkspaceApiError);
    expect(failure).toMatchObject({ status: 404, errorCode: "ENDPOINT_NOT_FOUND" });
    expect((failure as Error).message).toBe(
      "Reading nothing failed (HTTP 404 ENDPOINT_NOT_FOUND): No API at /api/2.0/nothing-here.",
    );
  });

  it("an unreachable host is retried, then named", async () => {
    const client = workspaceClient({
      host: "http://127.0.0.1:9",
      clientId: "a",
      clientSecret: "b",
      retryDelaysMs: [1],
    });
    await expect(client.request("GET", "/x", undefined, "Reading x")).rejects.toThrow(
      /Could not reach http:\/\/127\.0\.0\.1:9 for the app's OAuth token: .*Check DATABRICKS_HOST\./,
    );
  });
});
