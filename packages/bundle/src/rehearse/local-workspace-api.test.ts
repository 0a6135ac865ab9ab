import { afterEach, describe, expect, it } from "vitest";
import { type LocalWorkspaceApi, startLocalWorkspaceApi } from "./local-workspace-api.ts";

let api: LocalWorkspaceApi;
afterEach(async () => api?.close());

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;
const endpoint = "projects/appbase-local/branches/main/endpoints/primary";

async function token(): Promise<Response> {
  return fetch(`${api.url}/oidc/v1/token`, {
    method: "POST",
    headers: { authorization: basic("sp", "s3"), "content-type": "application/x-www-form-urlencoded" },
    body: "grant_type=client_credentials&scope=all-apis",
  });
}

describe("local workspace API", () => {
  it("serves OIDC discovery with its own token endpoint", async () => {
    api = await startLocalWorkspaceApi({ clientId: "sp", clientSecret: "s3", endpoints: [endpoint] });
    const body = await (await fetch(`${api.url}/oidc/.well-known/oauth-authorization-server`)).json();
    expect(body).toMatchObject({
      token_endpoint: `${api.url}/oidc/v1/token`,
      authorization_endpoint: `${api.url}/oidc/v1/authorize`,
    });
  });

  it("answers SCIM Me for a known user token with the user's groups, and refuses other tokens", async () => {
    api = await startLocalWorkspaceApi({
      clientId: "sp",
      clientSecret: "s3",
      endpoints: [endpoint],
      users: [
        { accessToken: "user-tok", userName: "ada@example.com", groups: ["kit-admins", "kit-viewers"] },
      ],
    });
    const me = (token: string) =>
      fetch(`${api.url}/api/2.0/preview/scim/v2/Me`, { headers: { authorization: `Bearer ${token}` } });
    const known = await me("user-tok");
    expect(known.status).toBe(200);
    expect(await known.json()).toMatchObject({
      userName: "ada@example.com",
      groups: [{ display: "kit-admins" }, { display: "kit-viewers" }],
    });
    const unknown = await me("someone-else");
    expect(unknown.status).toBe(401);
    expect(await unknown.json()).toEqual({
      error_code: "UNAUTHENTICATED",
      message: "The access token is invalid or has expired; get a new one.",
    });
    expect(api.counters).toMatchObject({ me: 1, rejected: 1 });
  });

  it("rejects wrong client credentials in the OAuth error shape", async () => {
    api = await startLocalWorkspaceApi({ clientId: "sp", clientSecret: "other", endpoints: [endpoint] });
    const response = await token();
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: "invalid_client",
      error_description: "Client authentication failed",
    });
  });

  it("mints a database credential for a known endpoint with a bearer token", async () => {
    api = await startLocalWorkspaceApi({ clientId: "sp", clientSecret: "s3", endpoints: [endpoint] });
    const issued = (await (await token()).json()) as {
      access_token: string;
      token_type: string;
      expires_in: number;
    };
    expect(issued).toMatchObject({ token_type: "Bearer", expires_in: 3600 });
    const post = (body: unknown, bearer = issued.access_token) =>
      fetch(`${api.url}/api/2.0/postgres/credentials`, {
        method: "POST",
        headers: { authorization: `Bearer ${bearer}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    const ok = await post({ endpoint, ttl: "600s" });
    const credential = (await ok.json()) as { token: string; expire_time: string };
    expect(typeof credential.token).toBe("string");
    const lifetime = Date.parse(credential.expire_time) - Date.now();
    expect(lifetime).toBeGreaterThan(590_000);
    expect(lifetime).toBeLessThanOrEqual(600_000);
    const unknown = await post({ endpoint: "projects/x/branches/y/endpoints/z" });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error_code: "NOT_FOUND" });
    expect((await post({ endpoint }, "forged")).status).toBe(401);
    expect(api.counters).toMatchObject({ tokens: 1, credentials: 1, rejected: 2 });
  });
});
