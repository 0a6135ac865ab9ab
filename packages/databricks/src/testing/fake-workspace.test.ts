import { afterEach, describe, expect, it } from "vitest";
import { type FakeWorkspace, lakebaseCredentialRoutes, rateLimited, startFakeWorkspace } from "./index.ts";

let fake: FakeWorkspace | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function token(w: FakeWorkspace): Promise<string> {
  const response = await fetch(`${w.host}/oidc/v1/token`, {
    method: "POST",
    headers: {
      authorization: `Basic ${Buffer.from(`${w.clientId}:${w.clientSecret}`).toString("base64")}`,
      "content-type": "application/x-www-form-urlencoded",
    },
    body: "grant_type=client_credentials&scope=all-apis",
  });
  const body = (await response.json()) as { access_token: string; token_type: string; expires_in: number };
  expect(body).toMatchObject({ token_type: "Bearer", expires_in: 3600 });
  return body.access_token;
}

describe("fake workspace", () => {
  it("serves OIDC discovery and M2M tokens, and refuses bad client credentials with the OAuth body", async () => {
    fake = await startFakeWorkspace();
    const discovery = await (await fetch(`${fake.host}/oidc/.well-known/oauth-authorization-server`)).json();
    expect(discovery).toMatchObject({ token_endpoint: `${fake.host}/oidc/v1/token` });
    expect(await token(fake)).toMatch(/^local-at-/);
    const refused = await fetch(`${fake.host}/oidc/v1/token`, {
      method: "POST",
      headers: {
        authorization: `Basic ${Buffer.from("x:y").toString("base64")}`,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: "grant_type=client_credentials",
    });
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual({
      error: "invalid_client",
      error_description: "Client authentication failed",
    });
  });

  it("checks bearer tokens on every API route, and expired tokens get 401 UNAUTHENTICATED", async () => {
    const lakebase = lakebaseCredentialRoutes({ endpoints: ["projects/p/branches/b/endpoints/e"] });
    fake = await startFakeWorkspace({ routes: lakebase.routes });
    const call = (bearer: string) =>
      fetch(`${fake?.host}/api/2.0/postgres/credentials`, {
        method: "POST",
        headers: { authorization: `Bearer ${bearer}`, "content-type": "application/json" },
        body: JSON.stringify({ endpoint: "projects/p/branches/b/endpoints/e" }),
      });
    expect((await call("nope")).status).toBe(401);
    const bearer = await token(fake);
    const minted = (await (await call(bearer)).json()) as { token: string; expire_time: string };
    expect(lakebase.isValidCredential(minted.token)).toBe(true);
    expect(Date.parse(minted.expire_time)).toBeGreaterThan(Date.now());
    fake.tokens.expireAll();
    const expired = await call(bearer);
    expect(expired.status).toBe(401);
    expect(await expired.json()).toMatchObject({ error_code: "UNAUTHENTICATED" });
  });

  it("answers injected faults once, in order, then the route again", async () => {
    fake = await startFakeWorkspace();
    fake.addUser("user-token", { userName: "ana@example.com", groups: ["analysts"] });
    fake.inject("scim.me", rateLimited(2), "expired-token");
    const me = () =>
      fetch(`${fake?.host}/api/2.0/preview/scim/v2/Me`, { headers: { authorization: "Bearer user-token" } });
    const first = await me();
    expect([first.status, first.headers.get("retry-after")]).toEqual([429, "2"]);
    expect((await me()).status).toBe(401);
    const ok = await me();
    expect(await ok.json()).toMatchObject({ userName: "ana@example.com", groups: [{ display: "analysts" }] });
    expect(fake.calls("scim.me")).toBe(3);
  });

  it("answers unknown paths with 404 ENDPOINT_NOT_FOUND in the error envelope", async () => {
    fake = await startFakeWorkspace();
    const response = await fetch(`${fake.host}/api/2.0/nothing`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({
      error_code: "ENDPOINT_NOT_FOUND",
      message: expect.any(String),
    });
  });
});
