import { forwardedUserToken, workspaceClient } from "@appbase/databricks";
import { type FakeWorkspace, rateLimited, startFakeWorkspace } from "@appbase/databricks/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { customerGenieSpace } from "../../testing/genie-space.ts";
import { askGenie } from "./genie-client.ts";
import { GenieError } from "./genie-types.ts";

let fake: FakeWorkspace;
const space = customerGenieSpace(2);
beforeAll(async () => {
  fake = await startFakeWorkspace({ routes: space.routes });
  fake.addUser("user-token", { userName: "a@example.com" });
});
afterAll(() => fake.close());

const options = (token = "user-token") => ({
  workspace: workspaceClient({ host: fake.host, auth: forwardedUserToken(token), retry: { attempts: 1 } }),
  spaceId: space.spaceId,
  sleep: async () => {},
});

describe("askGenie", () => {
  it("starts a conversation, polls until COMPLETED and returns text, SQL and the result table", async () => {
    const answer = await askGenie(options(), "How many customers per segment?");
    expect(answer.text).toMatch(/Premium/);
    expect(answer.sql).toMatch(/^SELECT segment/);
    expect(answer.columns).toEqual(["segment", "customers"]);
    expect(answer.rows).toEqual([
      ["vip", "12"],
      ["premium", "40"],
    ]);
    expect(answer.suggestedQuestions).toEqual(["How many are high risk?"]);
    expect(fake.calls("genie.get-message")).toBe(3);
    expect(fake.seen.every((s) => s.authorization === "Bearer user-token")).toBe(true);
  });

  it("reports a FAILED message with Genie's reason", async () => {
    await expect(askGenie(options(), "please fail")).rejects.toThrow(/INSUFFICIENT_PERMISSIONS/);
  });

  it("says there is no access when the space does not exist", async () => {
    const attempt = askGenie({ ...options(), spaceId: "0".repeat(32) }, "hi");
    await expect(attempt).rejects.toBeInstanceOf(GenieError);
    await expect(attempt).rejects.toThrow(/No access to this Genie space/);
  });

  it("asks to sign in again when the user's token is refused, and to wait when rate-limited", async () => {
    await expect(askGenie(options("stale"), "hi")).rejects.toThrow(/sign in again/);
    fake.inject("genie.start-conversation", rateLimited(30));
    await expect(askGenie(options(), "hi")).rejects.toThrow(/rate-limited right now/);
  });
});
