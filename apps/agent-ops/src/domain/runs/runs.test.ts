import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database.ts";
import { claimItem, listReviewItems } from "../queue/queue.ts";
import { readTimeline } from "../timeline/timeline.ts";
import { checkpointerFor } from "./checkpointer.ts";
import { resumeSupportRun, startSupportRun } from "./runs.ts";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe("support agent runs", () => {
  it("stops at review, queues the interrupt, and completes after approval with every tool result", async () => {
    const started = await startSupportRun(database.pool, {
      request: "Please refund order ORD-1234, it arrived broken",
      startedBy: "olga@example.com",
    });
    expect(started.status).toBe("interrupted");
    const [item] = await listReviewItems(database.pool, { viewer: "rita@example.com", seeAll: true });
    expect(item).toMatchObject({ threadId: started.threadId, source: "interrupt", status: "pending" });
    expect(item?.payload).toMatchObject({ kind: "refund-approval", tool: "issue_refund" });
    await claimItem(database.pool, { itemId: item?.id as string, reviewer: "rita@example.com" });

    const resumed = await resumeSupportRun(database.pool, {
      threadId: started.threadId,
      resume: { decision: "approve", rationale: "Damaged on arrival" },
    });
    expect(resumed.status).toBe("completed");
    const timeline = await readTimeline(await checkpointerFor(database.pool), started.threadId);
    expect(timeline.toolCalls.map((c) => [c.name, c.status])).toEqual([
      ["lookup_order", "ok"],
      ["issue_refund", "ok"],
    ]);
    expect(timeline.toolCalls[1]?.result).toMatch(/^refunded \d+\.\d{2} USD on ORD-1234$/);
    expect(timeline.entries.some((e) => e.kind === "interrupt")).toBe(true);
    const { rows } = await database.pool.query(
      "select status from agent_ops.agent_run where thread_id = $1",
      [started.threadId],
    );
    expect(rows[0].status).toBe("completed");
  });

  it("queues a tool-error item when a tool fails, and finishes without review", async () => {
    const run = await startSupportRun(database.pool, {
      request: "Refund ORD-2220",
      startedBy: "olga@example.com",
    });
    expect(run.status).toBe("completed");
    const items = await listReviewItems(database.pool, { viewer: "x", seeAll: true });
    expect(items.find((i) => i.threadId === run.threadId)).toMatchObject({ source: "tool-error" });
  });

  it("an edit resumes with the reviewer's arguments", async () => {
    const run = await startSupportRun(database.pool, {
      request: "Refund ORD-3333",
      startedBy: "olga@example.com",
    });
    await resumeSupportRun(database.pool, {
      threadId: run.threadId,
      resume: { decision: "edit", rationale: "Partial refund only", editedArgs: { amount: 5 } },
    });
    const timeline = await readTimeline(await checkpointerFor(database.pool), run.threadId);
    expect(timeline.toolCalls.find((c) => c.name === "issue_refund")?.result).toBe(
      "refunded 5.00 USD on ORD-3333",
    );
  });
});
