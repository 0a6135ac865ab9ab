import { afterEach, describe, expect, it } from "vitest";
import { forwardedUserToken, m2mTokenSource, refreshDueAt } from "./auth.ts";
import { type FakeWorkspace, startFakeWorkspace, unavailable } from "./testing/index.ts";

let fake: FakeWorkspace | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe("refreshDueAt (the one refresh rule)", () => {
  it("refreshes 5 minutes before expiry, or at half-life for tokens shorter than 10 minutes", () => {
    expect(refreshDueAt(0, 3_600_000)).toBe(3_300_000);
    expect(refreshDueAt(0, 60_000)).toBe(30_000);
  });
});

describe("m2mTokenSource", () => {
  it("fetches once, shares one refresh among concurrent callers, and refreshes when due", async () => {
    fake = await startFakeWorkspace({ tokenTtlSeconds: 3600 });
    let clock = Date.now();
    const source = m2mTokenSource({
      host: fake.host,
      clientId: fake.clientId,
      clientSecret: fake.clientSecret,
      now: () => clock,
    });
    const [a, b, c] = await Promise.all([source.token(), source.token(), source.token()]);
    expect(new Set([a, b, c]).size).toBe(1);
    expect(fake.calls("oidc.token")).toBe(1);
    clock += 3_300_000 - 1;
    expect(await source.token()).toBe(a);
    clock += 1;
    expect(await source.token()).not.toBe(a);
    expect(fake.calls("oidc.token")).toBe(2);
    const request = fake.seen.find((s) => s.route === "oidc.token");
    expect(request?.body).toEqual({ grant_type: "client_credentials", scope: "all-apis" });
    expect(request?.authorization).toBe(
      `Basic ${Buffer.from(`${fake.clientId}:${fake.clientSecret}`).toString("base64")}`,
    );
  });

  it("forgets a rejected token, and does not cache a failed refresh", async () => {
    fake = await startFakeWorkspace();
    const source = m2mTokenSource({
      host: fake.host,
      clientId: fake.clientId,
      clientSecret: fake.clientSecret,
      retry: { attempts: 1 },
    });
    const first = await source.token();
    source.invalidate(first);
    fake.inject("oidc.token", unavailable());
    await expect(source.token()).rejects.toMatchObject({ status: 503 });
    const second = await source.token();
    expect(second).not.toBe(first);
  });

  it("retries a 503 from the token endpoint, honouring Retry-After", async () => {
    fake = await startFakeWorkspace();
    const waits: number[] = [];
    const source = m2mTokenSource({
      host: fake.host,
      clientId: fake.clientId,
      clientSecret: fake.clientSecret,
      retry: { sleep: async (ms) => void waits.push(ms) },
    });
    fake.inject("oidc.token", unavailable(2));
    expect(await source.token()).toMatch(/^local-at-/);
    expect(waits).toEqual([2000]);
  });

  it("names the client-credential variables when the workspace refuses them", async () => {
    fake = await startFakeWorkspace();
    const source = m2mTokenSource({ host: fake.host, clientId: fake.clientId, clientSecret: "wrong" });
    await expect(source.token()).rejects.toThrow(
      /HTTP 401 invalid_client.*DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET/,
    );
  });

  it("says the host is unreachable, naming DATABRICKS_HOST", async () => {
    const source = m2mTokenSource({ host: "http://127.0.0.1:1", clientId: "a", clientSecret: "b" });
    await expect(source.token()).rejects.toMatchObject({ kind: "unreachable", status: 0 });
    await expect(source.token()).rejects.toThrow(/DATABRICKS_HOST/);
  });

  it("refuses an answer without access_token as malformed", async () => {
    fake = await startFakeWorkspace();
    fake.inject("oidc.token", { status: 200, body: { token: "x" } });
    const source = m2mTokenSource({
      host: fake.host,
      clientId: fake.clientId,
      clientSecret: fake.clientSecret,
    });
    await expect(source.token()).rejects.toMatchObject({ kind: "malformed-response" });
  });
});

describe("forwardedUserToken", () => {
  it("hands out the user's token and refuses an empty one", async () => {
    expect(await forwardedUserToken("u-1").token()).toBe("u-1");
    expect(() => forwardedUserToken("")).toThrow(/user authorization/);
  });
});
