import { describe, expect, it, vi } from "vitest";
import { serviceToken } from "./service-token.ts";

describe("serviceToken", () => {
  it("requests a client-credentials token with Basic auth, caches it, and shares one refresh", async () => {
    const fetch = vi.fn(async (_url: string | URL | Request, init?: RequestInit) => {
      expect(init?.headers).toMatchObject({
        authorization: `Basic ${Buffer.from("id:secret").toString("base64")}`,
      });
      expect(init?.body).toBe("grant_type=client_credentials&scope=all-apis");
      return Response.json({ access_token: "tok-1", token_type: "Bearer", expires_in: 3600 });
    });
    const token = serviceToken({ host: "http://ws.example/", clientId: "id", clientSecret: "secret", fetch });
    expect(await Promise.all([token(), token()])).toEqual(["tok-1", "tok-1"]);
    expect(await token()).toBe("tok-1");
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch.mock.calls[0]?.[0]).toBe("http://ws.example/oidc/v1/token");
  });

  it("refreshes a token that is about to expire and explains a refusal", async () => {
    let n = 0;
    const fetch = vi.fn(async () => Response.json({ access_token: `tok-${++n}`, expires_in: 30 }));
    const token = serviceToken({ host: "http://ws", clientId: "a", clientSecret: "b", fetch });
    expect(await token()).toBe("tok-1");
    expect(await token()).toBe("tok-2");
    const refused = serviceToken({
      host: "http://ws",
      clientId: "a",
      clientSecret: "b",
      fetch: async () => Response.json({ error: "invalid_client" }, { status: 401 }),
    });
    await expect(refused()).rejects.toThrow(/DATABRICKS_CLIENT_ID\/SECRET/);
  });
});
