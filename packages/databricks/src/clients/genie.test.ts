import { afterEach, describe, expect, it } from "vitest";
import { clientFor } from "../testing/client-for.ts";
import { type FakeWorkspace, genieRoutes, startFakeWorkspace } from "../testing/index.ts";
import { genie } from "./genie.ts";

let fake: FakeWorkspace | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const routes = genieRoutes({
  pollsBeforeDone: 2,
  answer: (question) =>
    question.includes("fail")
      ? {
          status: "FAILED",
          error: { error: "[INSUFFICIENT_PERMISSIONS] no SELECT", type: "SQL_EXECUTION_EXCEPTION" },
        }
      : {
          status: "COMPLETED",
          attachments: [
            { attachment_id: "a1", query: { title: "By segment", query: "SELECT 1", statement_id: "st-1" } },
            { attachment_id: "a2", text: { content: "Premium leads." } },
            { attachment_id: "a3", suggested_questions: { questions: ["And VIP?"] } },
          ],
        },
  queryResult: (statementId) => ({
    statement_id: statementId,
    status: { state: "SUCCEEDED" },
    manifest: {
      schema: { column_count: 1, columns: [{ name: "segment", position: 0, type_name: "STRING" }] },
    },
    result: { chunk_index: 0, row_offset: 0, row_count: 1, data_array: [["premium"]] },
  }),
});

describe("genie", () => {
  it("starts a conversation, polls until COMPLETED and reads the query result", async () => {
    fake = await startFakeWorkspace({ routes: routes.routes });
    const delays: number[] = [];
    const space = genie(clientFor(fake).client, {
      spaceId: routes.spaceId,
      sleep: async (ms) => void delays.push(ms),
    });
    const answer = await space.ask("Customers by segment?");
    expect(answer).toMatchObject({
      text: "Premium leads.",
      sql: "SELECT 1",
      queryTitle: "By segment",
      columns: ["segment"],
      rows: [["premium"]],
      suggestedQuestions: ["And VIP?"],
    });
    expect(delays).toEqual([1000, 2000]);
  });

  it("turns a FAILED message into a GenieMessageError with Genie's reason", async () => {
    fake = await startFakeWorkspace({ routes: routes.routes });
    const space = genie(clientFor(fake).client, { spaceId: routes.spaceId, sleep: async () => {} });
    await expect(space.ask("please fail")).rejects.toMatchObject({
      status: "FAILED",
      errorType: "SQL_EXECUTION_EXCEPTION",
    });
  });

  it("reports an unknown space as 404 RESOURCE_DOES_NOT_EXIST", async () => {
    fake = await startFakeWorkspace({ routes: routes.routes });
    const space = genie(clientFor(fake).client, { spaceId: "0".repeat(32) });
    await expect(space.ask("q")).rejects.toMatchObject({ status: 404, errorCode: "RESOURCE_DOES_NOT_EXIST" });
  });
});
