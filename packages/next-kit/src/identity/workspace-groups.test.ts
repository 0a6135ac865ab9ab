import { describe, expect, it, vi } from "vitest";
import { workspaceGroups } from "./workspace-groups.ts";

describe("workspaceGroups", () => {
  it("reads group names from SCIM Me with the user's token and caches them", async () => {
    const fetch = vi.fn(async (_url: string | URL | Request, _init?: RequestInit) =>
      Response.json({
        userName: "a@example.com",
        groups: [{ display: "customer-hub-viewers", value: "123" }, { value: "9" }],
      }),
    );
    const lookup = workspaceGroups({ host: "http://ws/", fetch });
    const user = { email: "a@example.com", accessToken: "user-token" };
    expect(await lookup(user)).toEqual(["customer-hub-viewers"]);
    expect(await lookup(user)).toEqual(["customer-hub-viewers"]);
    expect(fetch).toHaveBeenCalledOnce();
    expect(fetch.mock.calls[0]?.[0]).toBe("http://ws/api/2.0/preview/scim/v2/Me");
    expect(fetch.mock.calls[0]?.[1]?.headers).toEqual({ authorization: "Bearer user-token" });
  });

  it("gives no groups without a token or when the lookup fails, and says why", async () => {
    const warn = vi.fn();
    const lookup = workspaceGroups({
      host: "http://ws",
      fetch: async () => new Response("no", { status: 403 }),
      logger: { warn },
    });
    expect(await lookup({ email: "a@example.com" })).toEqual([]);
    expect(await lookup({ email: "b@example.com", accessToken: "t" })).toEqual([]);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("SCIM Me answered 403"));
  });
});
