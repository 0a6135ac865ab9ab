import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeWorkspace, startFakeWorkspace } from "../../testing/fake-workspace.ts";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database.ts";
import { workspaceClient } from "../agents/workspace-client.ts";
import { decideReviewItem } from "../queue/decide.ts";
import { claimItem, enqueueReviewItem } from "../queue/queue.ts";
import { handoffStatusLine, listAssessmentHandoffs, recordAssessmentHandoff } from "./assessment-handoff.ts";
import { backoffSeconds, deliverDueAssessments, type MlflowTarget } from "./assessment-outbox.ts";

let database: TestDatabase;
let workspace: FakeWorkspace;
let target: MlflowTarget;
let n = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  workspace = await startFakeWorkspace();
  target = {
    experimentId: "1234567890",
    client: workspaceClient({ ...workspace, retry: { attempts: 1 } }),
  };
});
afterAll(async () => {
  await workspace.close();
  await database.close();
});

async function decided(options: { experimentBound: boolean }) {
  n += 1;
  const threadId = `thread-outbox-${n}`;
  const item = await enqueueReviewItem(database.pool, {
    threadId,
    source: "interrupt",
    sourceKey: `interrupt:${threadId}:x`,
    title: "Approve refund",
  });
  const claimed = await claimItem(database.pool, { itemId: item.id, reviewer: "rita@example.com" });
  const decision = await decideReviewItem(database.pool, {
    itemId: item.id,
    reviewer: "rita@example.com",
    expectedVersion: claimed.version,
    decision: "approve",
    rationale: "Within policy",
  });
  await recordAssessmentHandoff(database.pool, decision, options);
  return { threadId, itemId: item.id };
}

async function handoff(threadId: string) {
  const [row] = await listAssessmentHandoffs(database.pool, { threadId });
  if (!row) throw new Error(`no handoff for ${threadId}`);
  return row;
}

// Makes every waiting row due now, as if its backoff had passed.
const makeDue = () => database.pool.query("update agent_ops.assessment_handoff set next_attempt_at = now()");

describe("assessment outbox", () => {
  it("sends a decision once, to the trace of its thread, and stores MLflow's id", async () => {
    const { threadId, itemId } = await decided({ experimentBound: true });
    const traceId = workspace.addTrace(threadId);
    expect(await deliverDueAssessments(database.pool, target)).toMatchObject({ sent: 1 });
    const sent = await handoff(threadId);
    expect(sent).toMatchObject({ status: "sent", traceId, attempts: 1, lastError: null });
    const assessments = workspace.assessmentsOn(traceId);
    expect(assessments).toHaveLength(1);
    expect(assessments[0]).toMatchObject({
      assessment_id: sent.assessmentId,
      assessment_name: "human_review",
      source: { source_type: "HUMAN", source_id: "rita@example.com" },
      metadata: { review_item_id: itemId },
    });
    const search = workspace.seen.find((r) => r.path === "/api/3.0/mlflow/traces/search");
    expect(search?.body).toMatchObject({
      locations: [{ type: "MLFLOW_EXPERIMENT", mlflow_experiment: { experiment_id: "1234567890" } }],
      filter: `metadata.\`mlflow.trace.session\` = '${threadId}'`,
    });
    await makeDue();
    expect(await deliverDueAssessments(database.pool, target)).toEqual({ sent: 0, failed: 0 });
    expect(workspace.assessmentsOn(traceId)).toHaveLength(1);
  });

  it("a 500 counts an attempt with the server's words and backs off; the retry sends it", async () => {
    const { threadId } = await decided({ experimentBound: true });
    const traceId = workspace.addTrace(threadId);
    workspace.fail("create-assessment", {
      status: 500,
      body: { error_code: "INTERNAL_ERROR", message: "Store unavailable" },
    });
    expect(await deliverDueAssessments(database.pool, target)).toMatchObject({ failed: 1 });
    const waiting = await handoff(threadId);
    expect(waiting).toMatchObject({ status: "pending", attempts: 1 });
    expect(waiting.lastError).toContain("HTTP 500 INTERNAL_ERROR): Store unavailable");
    expect((waiting.nextAttemptAt?.getTime() ?? 0) - Date.now()).toBeGreaterThan(20_000);
    expect(handoffStatusLine(waiting)).toMatch(/^Not sent yet after 1 attempt\(s\): .*Store unavailable/);
    // Not due yet: nothing happens.
    expect(await deliverDueAssessments(database.pool, target)).toEqual({ sent: 0, failed: 0 });
    await makeDue();
    expect(await deliverDueAssessments(database.pool, target)).toMatchObject({ sent: 1 });
    expect(workspace.assessmentsOn(traceId)).toHaveLength(1);
    expect(await handoff(threadId)).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("a lost response does not create a second assessment on retry", async () => {
    const { threadId } = await decided({ experimentBound: true });
    const traceId = workspace.addTrace(threadId);
    workspace.fail("create-assessment", "lose-response");
    expect(await deliverDueAssessments(database.pool, target)).toMatchObject({ failed: 1 });
    expect(workspace.assessmentsOn(traceId)).toHaveLength(1);
    await makeDue();
    expect(await deliverDueAssessments(database.pool, target)).toMatchObject({ sent: 1 });
    const assessments = workspace.assessmentsOn(traceId);
    expect(assessments).toHaveLength(1);
    expect((await handoff(threadId)).assessmentId).toBe(assessments[0]?.assessment_id);
  });

  it("no trace for the thread yet: stays pending with an error that says what is missing", async () => {
    const { threadId } = await decided({ experimentBound: true });
    await deliverDueAssessments(database.pool, target);
    const waiting = await handoff(threadId);
    expect(waiting.status).toBe("pending");
    expect(waiting.lastError).toContain(`mlflow.trace.session = '${threadId}'`);
  });

  it("unbound payloads wait, say how to bind, and go out once an experiment is bound", async () => {
    const { threadId } = await decided({ experimentBound: false });
    const waiting = await handoff(threadId);
    expect(waiting.status).toBe("unbound");
    expect(handoffStatusLine(waiting)).toContain("MLFLOW_EXPERIMENT_ID / valueFrom: experiment");
    const traceId = workspace.addTrace(threadId);
    await deliverDueAssessments(database.pool, target);
    expect(await handoff(threadId)).toMatchObject({ status: "sent", traceId });
  });

  it("two workers at once send each assessment once", async () => {
    const threads = await Promise.all([1, 2, 3].map(() => decided({ experimentBound: true })));
    const traceIds = threads.map((t) => workspace.addTrace(t.threadId));
    await Promise.all([
      deliverDueAssessments(database.pool, target),
      deliverDueAssessments(database.pool, target),
    ]);
    for (const traceId of traceIds) expect(workspace.assessmentsOn(traceId)).toHaveLength(1);
  });

  it("backs off 30 s doubling, capped at an hour", () => {
    expect([1, 2, 3, 10, 20].map(backoffSeconds)).toEqual([30, 60, 120, 3600, 3600]);
  });
});
