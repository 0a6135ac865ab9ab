import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeWarehouse } from "./fake-warehouse.ts";
import { m2mTokenProvider } from "./m2m-token.ts";

let shortLived: Awaited<ReturnType<typeof startFakeWarehouse>>;
beforeAll(async () => {
  // 30 s tokens are inside the refresh margin, so every call past the first must refresh.
  shortLived = await startFakeWarehouse(() => ({}), "tok", {
    clientId: "c",
    clientSecret: "s",
    expiresIn: 30,
  });
});
afterAll(() => shortLived.close());

describe("m2mTokenProvider", () => {
  it("shares one request among concurrent callers and refreshes a token about to expire", async () => {
    const token = m2mTokenProvider({ host: shortLived.url, clientId: "c", clientSecret: "s" });
    expect(await Promise.all([token(), token(), token()])).toEqual(["tok", "tok", "tok"]);
    expect(shortLived.tokensIssued()).toBe(1);
    await token();
    expect(shortLived.tokensIssued()).toBe(2);
  });

  it("an unreachable workspace is an error naming DATABRICKS_HOST", async () => {
    const token = m2mTokenProvider({ host: "http://127.0.0.1:1", clientId: "c", clientSecret: "s" });
    await expect(token()).rejects.toThrow(
      /Could not reach http:\/\/127\.0\.0\.1:1\/oidc\/v1\/token.*DATABRICKS_HOST/,
    );
  });
});
