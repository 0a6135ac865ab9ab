import { type FakeWorkspace, startFakeWorkspace } from "@appbase/databricks/testing";
import { afterEach, describe, expect, it, vi } from "vitest";
import { workspaceGroups } from "./workspace-groups.ts";

let fake: FakeWorkspace | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe("workspaceGroups", () => {
  it("reads group names from SCIM Me with the user's token and caches them", async () => {
    fake = await startFakeWorkspace();
    fake.addUser("user-token", { userName: "a@example.com", groups: ["customer-hub-viewers"] });
    const lookup = workspaceGroups({ host: `${fake.host}/` });
    const user = { email: "a@example.com", accessToken: "user-token" };
    expect(await lookup(user)).toEqual(["customer-hub-viewers"]);
    expect(await lookup(user)).toEqual(["customer-hub-viewers"]);
    expect(fake.calls("scim.me")).toBe(1);
    expect(fake.seen.find((s) => s.route === "scim.me")?.authorization).toBe("Bearer user-token");
    expect(fake.calls("oidc.token")).toBe(0);
  });

  it("gives no groups without a token or when the lookup fails, and says why", async () => {
    fake = await startFakeWorkspace();
    fake.addUser("t", { userName: "b@example.com", groups: ["admins"] });
    fake.inject("scim.me", {
      status: 403,
      body: { error_code: "PERMISSION_DENIED", message: "Missing scope." },
    });
    const warn = vi.fn();
    const lookup = workspaceGroups({ host: fake.host, logger: { warn } });
    expect(await lookup({ email: "a@example.com" })).toEqual([]);
    expect(await lookup({ email: "b@example.com", accessToken: "t" })).toEqual([]);
    expect(warn).toHaveBeenCalledWith(
      expect.stringContaining("SCIM Me failed (HTTP 403 PERMISSION_DENIED): Missing scope."),
    );
    expect(await lookup({ email: "c@example.com", accessToken: "expired" })).toEqual([]);
    expect(warn).toHaveBeenLastCalledWith(expect.stringContaining("HTTP 401"));
  });
});
