import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { riskKit } from "../../testing/risk-kit.ts";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database.ts";
import { oneAtATime, recordedTool } from "./agent-tool.ts";
import { threadFilings } from "./kit-filings.ts";
import { fileTriageAction } from "./risk-tools.ts";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const args = {
  entityId: "E0000012",
  action: "escalate",
  alertIds: ["A0000003"],
  reason: "Two severe alerts",
};
const invoke = (tool: ReturnType<typeof recordedTool>, threadId: string, id: string) =>
  tool.invoke(
    { id, name: "file_triage_action", args, type: "tool_call" as const },
    { configurable: { thread_id: threadId } },
  );

describe("file_triage_action", () => {
  it("files into the Risk kit's intake route under the thread and tool call's key, and the thread links the case", async () => {
    const risk = riskKit();
    const tool = recordedTool("risk-triage", fileTriageAction, {
      db: oneAtATime(database.pool),
      kits: risk.kits,
    });
    const result = JSON.parse(String((await invoke(tool, "thread-t1", "call_triage_E0000012")).content));
    expect(risk.calls).toEqual([
      {
        kit: "risk-compliance",
        path: "/api/intake/triage",
        body: {
          idempotencyKey: "thread-t1:call_triage_E0000012",
          sourceKit: "agent-ops",
          threadId: "thread-t1",
          ...args,
        },
      },
    ]);
    expect(result).toMatchObject({
      action: "escalate",
      filed: true,
      filedIn: { kit: "risk-compliance", entity: "case", id: "c1" },
    });
    expect(await threadFilings(database.pool, "thread-t1")).toEqual([
      {
        kit: "risk-compliance",
        entity: "case",
        id: "c1",
        label: "CASE-1",
        tool: "file_triage_action",
        toolCallId: "call_triage_E0000012",
      },
    ]);
  });

  it("a resumed or replayed call files once: the recorded result answers, the route is not called again", async () => {
    const risk = riskKit();
    const tool = recordedTool("risk-triage", fileTriageAction, {
      db: oneAtATime(database.pool),
      kits: risk.kits,
    });
    const first = await invoke(tool, "thread-t2", "call_x");
    const again = await invoke(tool, "thread-t2", "call_x");
    expect(risk.calls).toHaveLength(1);
    expect(again.content).toEqual(first.content);
    // A retry that reaches the route anyway (a crash before the call was recorded) carries the same key.
    await invoke(
      recordedTool("risk-triage", fileTriageAction, { db: oneAtATime(database.pool), kits: risk.kits }),
      "thread-t3",
      "call_x",
    );
    expect(new Set(risk.calls.map((c) => c.body.idempotencyKey))).toEqual(
      new Set(["thread-t2:call_x", "thread-t3:call_x"]),
    );
  });

  it("without a way to reach the Risk kit files nothing and says what to do", async () => {
    const tool = recordedTool("risk-triage", fileTriageAction, { db: oneAtATime(database.pool) });
    const answer = await invoke(tool, "thread-t4", "call_y").catch((e: Error) => e);
    expect(String(answer instanceof Error ? answer.message : answer)).toMatch(
      /cannot reach the Risk & Compliance kit/,
    );
  });
});
