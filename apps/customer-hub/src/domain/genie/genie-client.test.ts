import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeGenie, startFakeGenie } from "../../testing/fake-genie.ts";
import { askGenie } from "./genie-client.ts";
import { GenieError } from "./genie-types.ts";

let genie: FakeGenie;
beforeAll(async () => {
  genie = await startFakeGenie({ pollsBeforeDone: 2 });
});
afterAll(() => genie.close());

const options = () => ({
  host: genie.url,
  spaceId: genie.spaceId,
  token: async () => "user-token",
  pollIntervalMs: 1,
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
    expect(genie.authorizations.every((a) => a === "Bearer user-token")).toBe(true);
  });

  it("reports a FAILED message with Genie's reason", async () => {
    await expect(askGenie(options(), "please fail")).rejects.toThrow(/INSUFFICIENT_PERMISSIONS/);
  });

  it("says there is no access when the space does not exist", async () => {
    const attempt = askGenie({ ...options(), spaceId: "0000" }, "hi");
    await expect(attempt).rejects.toBeInstanceOf(GenieError);
    await expect(attempt).rejects.toThrow(/No access to this Genie space/);
  });
});
