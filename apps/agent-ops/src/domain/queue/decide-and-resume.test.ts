import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServedDataDatabase } from "../../testing/served-data-database.ts";
import type { TestDatabase } from "../../testing/test-database.ts";
import { type AgentModel, scriptedModel } from "../agents/agent-model.ts";
import { startAgentRun } from "../runs/runs.ts";
import { decideAndResume } from "./decide-and-resume.ts";
import { claimItem, getReviewItem, listReviewItems } from "./queue.ts";

// The review action's whole job, without Next: decide → hand-off → resume.
let database: TestDatabase;
beforeAll(async () => {
  database = await createServedDataDatabase();
});
afterAll(() => database.close());

async function pausedRefund(model?: AgentModel) {
  const run = await startAgentRun(database.pool, {
    agent: "customer-support",
    request: "Please refund order ORD-1234, it arrived broken",
    startedBy: "olga@example.com",
    ...(model ? { model } : {}),
  });
  const items = await listReviewItems(database.pool, { viewer: "x", seeAll: true });
  const item = items.find((i) => i.threadId === run.threadId);
  if (!item) throw new Error("the run queued no review item");
  const claimed = await claimItem(database.pool, { itemId: item.id, reviewer: "rita@example.com" });
  return { run, item: claimed };
}

describe("decideAndResume", () => {
  it("records the decision, hands the assessment off and resumes the paused run", async () => {
    const { run, item } = await pausedRefund();
    expect(run.status).toBe("interrupted");
    const result = await decideAndResume(database.pool, {
      itemId: item.id,
      reviewer: "rita@example.com",
      expectedVersion: item.version,
      decision: "approve",
      rationale: "Damaged on arrival",
      mayOverride: false,
    });
    expect(result.item).toMatchObject({
      status: "decided",
      decision: "approve",
      decidedBy: "rita@example.com",
    });
    expect(result.handoff).toMatchObject({ status: "unbound" });
    expect(result.run).toMatchObject({ threadId: run.threadId, status: "completed" });
  });

  it("stores nothing when the run cannot resume on the bound model", async () => {
    const endpoint: AgentModel = { ...scriptedModel, label: "Databricks serving endpoint support-llm" };
    const { item } = await pausedRefund(endpoint);
    const decide = (model?: AgentModel) =>
      decideAndResume(database.pool, {
        itemId: item.id,
        reviewer: "rita@example.com",
        expectedVersion: item.version,
        decision: "reject",
        rationale: "Not eligible",
        mayOverride: false,
        ...(model ? { model } : {}),
      });
    await expect(decide()).rejects.toThrow(/bind that serving endpoint again/);
    expect((await getReviewItem(database.pool, item.id)).status).not.toBe("decided");
    const done = await decide(endpoint);
    expect(done.item.decision).toBe("reject");
    expect(done.run?.status).toBe("completed");
  });
});
