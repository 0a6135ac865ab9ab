import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { m2mTokenSource } from "./auth.ts";
import { workspaceClient } from "./client.ts";
import { type FakeWorkspace, malformed, rateLimited, startFakeWorkspace } from "./testing/index.ts";

let fake: FakeWorkspace | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const me = {
  method: "GET",
  path: "/api/2.0/preview/scim/v2/Me",
  response: z.looseObject({ userName: z.string() }),
  operation: "SCIM Me",
} as const;

async function setup() {
  fake = await startFakeWorkspace();
  const waits: number[] = [];
  const client = workspaceClient({
    host: fake.host,
    auth: m2mTokenSource({ host: fake.host, clientId: fake.clientId, clientSecret: fake.clientSecret }),
    retry: { sleep: async (ms) => void waits.push(ms) },
  });
  return { fake, client, waits };
}

describe("workspaceClient", () => {
  it("retries a GET refused with 429, waiting the Retry-After", async () => {
    const { fake, client, waits } = await setup();
    fake.inject("scim.me", rateLimited(2));
    expect(await client.request(me)).toMatchObject({ userName: fake.clientId });
    expect(waits).toEqual([2000]);
  });

  it("does not retry a POST unless the caller says a refused one did no work", async () => {
    const { fake, client } = await setup();
    const post = { ...me, method: "POST" as const, path: "/api/2.0/preview/scim/v2/Me" };
    fake.use({
      name: "scim.me.post",
      method: "POST",
      path: post.path,
      handle: () => ({ status: 200, body: { userName: "x" } }),
    });
    fake.inject("scim.me.post", rateLimited(1));
    await expect(client.request(post)).rejects.toMatchObject({ status: 429, kind: "http" });
    fake.inject("scim.me.post", rateLimited(1));
    expect(await client.request({ ...post, retry: true })).toEqual({ userName: "x" });
  });

  it("fetches a new M2M token once when the server says the current one expired", async () => {
    const { fake, client } = await setup();
    await client.request(me);
    fake.tokens.expireAll();
    expect(await client.request(me)).toMatchObject({ userName: fake.clientId });
    expect(fake.calls("oidc.token")).toBe(2);
    fake.inject("scim.me", "expired-token", "expired-token");
    await expect(client.request(me)).rejects.toMatchObject({ status: 401, errorCode: "UNAUTHENTICATED" });
  });

  it("calls as the signed-in user with asUser, and a rejected user token is not retried", async () => {
    const { fake, client } = await setup();
    fake.addUser("user-1", { userName: "ana@example.com" });
    expect(await client.asUser("user-1").request(me)).toMatchObject({ userName: "ana@example.com" });
    await expect(client.asUser("stale").request(me)).rejects.toThrow(
      /HTTP 401 UNAUTHENTICATED.*forwarded token/,
    );
    expect(fake.calls("oidc.token")).toBe(0);
  });

  it("refuses a body that is not JSON or not the documented shape as malformed", async () => {
    const { fake, client } = await setup();
    fake.inject("scim.me", malformed());
    await expect(client.request(me)).rejects.toMatchObject({ kind: "malformed-response" });
    fake.inject("scim.me", { status: 200, body: { user: 1 } });
    await expect(client.request(me)).rejects.toThrow(
      /SCIM Me failed \(HTTP 200\): unexpected answer \(userName: /,
    );
  });

  it("reports a dropped connection as unreachable, saying the call may have taken effect", async () => {
    const { fake, client } = await setup();
    fake.inject("scim.me", "drop");
    await expect(client.request(me)).rejects.toThrow(/may or may not have taken effect/);
  });
});
