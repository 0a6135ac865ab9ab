import { NotFoundError } from "@appbase/next-kit/errors";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runPlainProgram } from "../../testing/plain-langgraph-program.ts";
import { createServedDataDatabase } from "../../testing/served-data-database.ts";
import type { TestDatabase } from "../../testing/test-database.ts";
import { decideAndResume } from "../queue/decide-and-resume.ts";
import { claimItem, listReviewItems } from "../queue/queue.ts";
import { forkPoints } from "../timeline/fork-points.ts";
import { loadThreadCheckpoints } from "../timeline/thread-checkpoints.ts";
import { buildTimeline } from "../timeline/timeline.ts";
import { checkpointerFor } from "./checkpointer.ts";
import { forkAgentRun, startAgentRun } from "./runs.ts";

let database: TestDatabase;
beforeAll(async () => {
  database = await createServedDataDatabase();
});
afterAll(() => database.close());

async function pausedRefund() {
  const run = await startAgentRun(database.pool, {
    agent: "customer-support",
    request: "Please refund order ORD-1234, it arrived broken",
    startedBy: "olga@example.com",
  });
  const checkpoints = await loadThreadCheckpoints(await checkpointerFor(database.pool), run.threadId);
  const lookup = forkPoints(checkpoints).find((p) => p.tool === "lookup_order");
  if (!lookup) throw new Error("the run has no lookup_order result");
  return { run, lookup };
}

describe("forkAgentRun", () => {
  it("replaces a tool result at a checkpoint and runs the fork on, keeping the original branch", async () => {
    const { run, lookup } = await pausedRefund();
    const original = JSON.parse(lookup.result) as { total: number };
    expect(original.total).not.toBe(12.5);
    const forkFrom = lookup.checkpointIds.at(-1) ?? "";
    const outcome = await forkAgentRun(database.pool, {
      threadId: run.threadId,
      checkpointId: forkFrom,
      toolCallId: lookup.toolCallId,
      result: JSON.stringify({ ...original, total: 12.5 }),
    });
    // The forked outcome: the agent now proposes the edited amount and pauses for review again.
    expect(outcome.status).toBe("interrupted");
    const items = await listReviewItems(database.pool, { viewer: "x", seeAll: true });
    const titles = items
      .filter((i) => i.threadId === run.threadId && i.source === "interrupt")
      .map((i) => i.title);
    expect(titles).toContain('Approve issue_refund {"orderId":"ORD-1234","amount":12.5}');
    expect(titles).toContain(`Approve issue_refund {"orderId":"ORD-1234","amount":${original.total}}`);

    const timeline = buildTimeline(
      run.threadId,
      await loadThreadCheckpoints(await checkpointerFor(database.pool), run.threadId),
    );
    const forkStep = timeline.steps.find((s) => s.forkId !== null && s.forkId === s.checkpointId);
    expect(forkStep).toMatchObject({ fromCheckpointId: forkFrom, source: "update" });
    expect(forkStep?.entries).toEqual([
      {
        kind: "edited-result",
        toolCallId: lookup.toolCallId,
        tool: "lookup_order",
        text: expect.any(String),
      },
    ]);
    const onFork = timeline.steps.filter((s) => s.forkId === forkStep?.checkpointId);
    expect(
      onFork.flatMap((s) => s.entries).some((e) => e.kind === "message" && e.text.includes("12.5")),
    ).toBe(true);
    // The call keeps the result it returned; the original branch's steps are still there.
    expect(timeline.toolCalls.find((c) => c.id === lookup.toolCallId)?.result).toBe(lookup.result);
    expect(timeline.steps.some((s) => s.forkId === null && s.nodes.includes("agent"))).toBe(true);

    // The original branch's interrupt no longer pauses the thread: deciding it is refused; the fork's resumes it.
    const decide = async (title: string) => {
      const item = items.find((i) => i.title === title);
      const claimed = await claimItem(database.pool, {
        itemId: item?.id ?? "",
        reviewer: "rita@example.com",
      });
      return decideAndResume(database.pool, {
        itemId: claimed.id,
        reviewer: "rita@example.com",
        expectedVersion: claimed.version,
        decision: "approve",
        rationale: "Checked the order",
        mayOverride: false,
      });
    };
    await expect(
      decide(`Approve issue_refund {"orderId":"ORD-1234","amount":${original.total}}`),
    ).rejects.toThrow("no longer waits at this interrupt");
    const resumed = await decide('Approve issue_refund {"orderId":"ORD-1234","amount":12.5}');
    expect(resumed.run?.status).toBe("completed");
  });

  it("refuses a checkpoint of another thread, a call without a result there, and a thread it did not start", async () => {
    const { run, lookup } = await pausedRefund();
    const other = await pausedRefund();
    const input = { threadId: run.threadId, toolCallId: lookup.toolCallId, result: "{}" };
    await expect(
      forkAgentRun(database.pool, { ...input, checkpointId: other.lookup.checkpointIds[0] ?? "" }),
    ).rejects.toThrow(`is not a checkpoint of thread ${run.threadId}`);
    const checkpoints = await loadThreadCheckpoints(await checkpointerFor(database.pool), run.threadId);
    await expect(
      forkAgentRun(database.pool, { ...input, checkpointId: checkpoints[0]?.id ?? "" }),
    ).rejects.toThrow("pick a checkpoint written after that tool ran");
    await runPlainProgram(database.pool, { schema: "agent_checkpoints", threadId: "plain-1", city: "Oslo" });
    await expect(
      forkAgentRun(database.pool, { ...input, threadId: "plain-1", checkpointId: "x" }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});
