import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeWorkspace, startFakeWorkspace } from "../../testing/fake-workspace.ts";
import { createServedDataDatabase } from "../../testing/served-data-database.ts";
import type { TestDatabase } from "../../testing/test-database.ts";
import { workspaceClient } from "../agents/workspace-client.ts";
import { decideReviewItem } from "../queue/decide.ts";
import { claimItem, listReviewItems } from "../queue/queue.ts";
import { type RunTracing, resumeAgentRun, startAgentRun } from "../runs/runs.ts";
import { listAssessmentHandoffs, recordAssessmentHandoff } from "./assessment-handoff.ts";
import { deliverDueAssessments } from "./assessment-outbox.ts";

let database: TestDatabase;
let workspace: FakeWorkspace;
let tracing: RunTracing;
beforeAll(async () => {
  [database, workspace] = await Promise.all([createServedDataDatabase(), startFakeWorkspace()]);
  tracing = {
    user: "olga@example.com",
    target: { experimentId: "42", client: workspaceClient({ ...workspace, retry: { attempts: 1 } }) },
  };
});
afterAll(async () => {
  await workspace.close();
  await database.close();
});

describe("runs traced to a bound experiment", () => {
  it("logs each turn as a trace of the thread's session, and the decision's assessment lands on it", async () => {
    const run = await startAgentRun(database.pool, {
      agent: "customer-support",
      request: "Refund ORD-1233",
      startedBy: "olga@example.com",
      tracing,
    });
    expect(run.traceId).toMatch(/^tr-[0-9a-f]{32}$/);
    const [trace] = workspace.traces();
    expect(trace).toMatchObject({
      trace_id: run.traceId,
      client_request_id: run.threadId,
      state: "OK",
      trace_location: { type: "MLFLOW_EXPERIMENT", mlflow_experiment: { experiment_id: "42" } },
      trace_metadata: { "mlflow.trace.session": run.threadId, "mlflow.trace.user": "olga@example.com" },
    });
    expect((trace as unknown as { response_preview: string }).response_preview).toContain(
      "Paused for human review",
    );

    const [item] = (await listReviewItems(database.pool, { viewer: "x", seeAll: true })).filter(
      (i) => i.threadId === run.threadId && i.source === "interrupt",
    );
    const claimed = await claimItem(database.pool, {
      itemId: item?.id as string,
      reviewer: "rita@example.com",
    });
    const decided = await decideReviewItem(database.pool, {
      itemId: claimed.id,
      reviewer: "rita@example.com",
      expectedVersion: claimed.version,
      decision: "approve",
      rationale: "Damaged",
    });
    await recordAssessmentHandoff(database.pool, decided, { experimentBound: true });
    const resumed = await resumeAgentRun(database.pool, {
      threadId: run.threadId,
      resume: { decision: "approve", rationale: "Damaged" },
      tracing,
    });
    expect(resumed.status).toBe("completed");
    expect(workspace.traces()).toHaveLength(2);

    await deliverDueAssessments(database.pool, tracing.target);
    const [handoff] = await listAssessmentHandoffs(database.pool, { threadId: run.threadId });
    // The newest trace of the session: the turn that ran after the decision.
    expect(handoff).toMatchObject({ status: "sent", traceId: resumed.traceId });
    expect(workspace.assessmentsOn(resumed.traceId as string)).toHaveLength(1);
  });

  it("a trace that cannot be logged does not fail the run; the outcome says why", async () => {
    workspace.fail("log-trace", {
      status: 403,
      body: { error_code: "PERMISSION_DENIED", message: "No CAN_EDIT on experiment 42" },
    });
    const run = await startAgentRun(database.pool, {
      agent: "customer-support",
      request: "Refund ORD-1244",
      startedBy: "olga@example.com",
      tracing,
    });
    expect(run.status).toBe("interrupted");
    expect(run.traceError).toContain("HTTP 403 PERMISSION_DENIED): No CAN_EDIT on experiment 42");
  });
});
