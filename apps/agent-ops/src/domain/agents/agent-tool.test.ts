import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database.ts";
import { defineAgentTool, oneAtATime, recordedTool } from "./agent-tool.ts";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

function counting(fail = false, disabledTools?: ReadonlySet<string>) {
  const calls: unknown[] = [];
  const definition = defineAgentTool({
    name: "charge_card",
    description: "Charge a card",
    schema: z.object({ amount: z.number() }),
    async run(args) {
      calls.push(args);
      if (fail) throw new Error("Card declined");
      return JSON.stringify({ charged: args.amount });
    },
  });
  return {
    calls,
    tool: recordedTool("billing", definition, {
      db: oneAtATime(database.pool),
      ...(disabledTools ? { disabledTools } : {}),
    }),
  };
}

const call = (threadId: string, id: string) => ({
  config: { configurable: { thread_id: threadId } },
  input: { id, name: "charge_card", args: { amount: 12 }, type: "tool_call" as const },
});

async function rows(threadId: string) {
  const { rows } = await database.pool.query(
    "select tool_call_id, agent, tool, args, result, error, status, duration_ms from agent_ops.tool_call where thread_id = $1",
    [threadId],
  );
  return rows;
}

describe("recorded tools", () => {
  it("records one row per call and a replayed call returns the recorded result without running again", async () => {
    const { calls, tool } = counting();
    const { input, config } = call("thread-rec-1", "call_1");
    const first = await tool.invoke(input, config);
    const replay = await tool.invoke(input, config);
    expect(calls).toHaveLength(1);
    expect(String(replay.content)).toBe(String(first.content));
    expect(await rows("thread-rec-1")).toEqual([
      expect.objectContaining({
        tool_call_id: "call_1",
        agent: "billing",
        tool: "charge_card",
        args: { amount: 12 },
        result: { charged: 12 },
        status: "ok",
        error: null,
      }),
    ]);
  });

  it("records a failure with its message and replays the failure", async () => {
    const { calls, tool } = counting(true);
    const { input, config } = call("thread-rec-2", "call_1");
    await expect(tool.invoke(input, config)).rejects.toThrow("Card declined");
    await expect(tool.invoke(input, config)).rejects.toThrow("Card declined");
    expect(calls).toHaveLength(1);
    expect(await rows("thread-rec-2")).toEqual([
      expect.objectContaining({ status: "error", error: "Card declined", result: null }),
    ]);
  });

  it("two concurrent executions of one call leave one row", async () => {
    const { tool } = counting();
    const { input, config } = call("thread-rec-3", "call_1");
    await Promise.all([tool.invoke(input, config), tool.invoke(input, config)]);
    expect(await rows("thread-rec-3")).toHaveLength(1);
  });

  it("a tool the registry disabled is not run; the refusal is recorded as the call's failure", async () => {
    const { calls, tool } = counting(false, new Set(["charge_card"]));
    const { input, config } = call("thread-rec-4", "call_1");
    await expect(tool.invoke(input, config)).rejects.toThrow(/disabled in the governed registry/);
    expect(calls).toHaveLength(0);
    expect(await rows("thread-rec-4")).toEqual([
      expect.objectContaining({ status: "error", error: expect.stringMatching(/charge_card is disabled/) }),
    ]);
  });

  it("refuses to run outside a thread, saying how to call it", async () => {
    const { tool } = counting();
    await expect(tool.invoke({ amount: 1 })).rejects.toThrow(/must run inside an agent thread/);
  });
});
