import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database.ts";
import { decideReviewItem } from "../queue/decide.ts";
import { claimItem, enqueueReviewItem } from "../queue/queue.ts";
import { assessmentFor, listAssessmentHandoffs, recordAssessmentHandoff } from "./assessment-handoff.ts";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe("assessment handoff", () => {
  it("records one MLflow-shaped assessment per decision, unbound when no experiment is bound", async () => {
    const queued = await enqueueReviewItem(database.pool, {
      threadId: "thread-h1",
      source: "interrupt",
      sourceKey: "interrupt:thread-h1:x",
      title: "Approve refund",
    });
    await expect(async () => assessmentFor(queued)).rejects.toThrow(/not decided yet/);
    const claimed = await claimItem(database.pool, { itemId: queued.id, reviewer: "rita@example.com" });
    const decided = await decideReviewItem(database.pool, {
      itemId: queued.id,
      reviewer: "rita@example.com",
      expectedVersion: claimed.version,
      decision: "reject",
      rationale: "Outside the refund window",
    });
    const first = await recordAssessmentHandoff(database.pool, decided, { experimentBound: false });
    const retry = await recordAssessmentHandoff(database.pool, decided, { experimentBound: false });
    expect(retry).toEqual(first);
    expect(first.status).toBe("unbound");
    expect(first.payload.assessment).toEqual({
      trace_id: null,
      assessment_name: "human_review",
      source: { source_type: "HUMAN", source_id: "rita@example.com" },
      feedback: { value: "reject" },
      rationale: "Outside the refund window",
      metadata: {
        "mlflow.trace.session": "thread-h1",
        review_item_id: queued.id,
        review_source: "interrupt",
      },
    });
    expect(await listAssessmentHandoffs(database.pool, { threadId: "thread-h1" })).toHaveLength(1);
  });
});
