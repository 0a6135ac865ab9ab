import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  completionWithTokens,
  type FakeWorkspace,
  startFakeWorkspace,
} from "../../testing/fake-workspace.ts";
import { createServedDataDatabase } from "../../testing/served-data-database.ts";
import type { TestDatabase } from "../../testing/test-database.ts";
import { servingAgentModel } from "../agents/agent-model.ts";
import { ServingChatModel } from "../agents/serving-chat-model.ts";
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

  it("a served-model turn's trace carries its spans: each model call with the tokens the endpoint reported, each tool call", async () => {
    const model = servingAgentModel(
      new ServingChatModel({ endpoint: "agents-llm", client: tracing.target.client }),
    );
    workspace.replyWith(
      completionWithTokens(
        { toolCalls: [{ name: "lookup_order", arguments: { orderId: "ORD-5552" } }] },
        [140, 21],
      ),
    );
    workspace.replyWith(completionWithTokens({ content: "ORD-5552 shipped yesterday." }, [230, 12]));
    const run = await startAgentRun(database.pool, {
      agent: "customer-support",
      request: "Where is ORD-5552?",
      startedBy: "olga@example.com",
      model,
      tracing,
    });
    expect(run.traceError).toBeUndefined();
    expect(run.status).toBe("completed");
    const trace = workspace.traces().find((t) => t.trace_id === run.traceId);
    expect(JSON.parse(trace?.trace_metadata["mlflow.trace.tokenUsage"] ?? "null")).toEqual({
      input_tokens: 370,
      output_tokens: 33,
      total_tokens: 403,
    });
    const spans = (trace?.spans ?? []).map((span) => ({
      name: span.name,
      parent: span.parent_span_id,
      type: JSON.parse(span.attributes["mlflow.spanType"] ?? "null"),
      usage: JSON.parse(span.attributes["mlflow.chat.tokenUsage"] ?? "null"),
      inputs: JSON.parse(span.attributes["mlflow.spanInputs"] ?? "null"),
    }));
    const root = trace?.spans?.[0]?.span_id;
    expect(spans).toEqual([
      {
        name: "customer-support",
        parent: "",
        type: "AGENT",
        usage: null,
        inputs: { request: "Where is ORD-5552?" },
      },
      {
        name: "Databricks serving endpoint agents-llm",
        parent: root,
        type: "LLM",
        usage: { input_tokens: 140, output_tokens: 21, total_tokens: 161 },
        inputs: null,
      },
      { name: "lookup_order", parent: root, type: "TOOL", usage: null, inputs: { orderId: "ORD-5552" } },
      {
        name: "Databricks serving endpoint agents-llm",
        parent: root,
        type: "LLM",
        usage: { input_tokens: 230, output_tokens: 12, total_tokens: 242 },
        inputs: null,
      },
    ]);
  });

  it("an evidence read is a RETRIEVER span; a turn whose model reports no tokens has no token usage", async () => {
    const run = await startAgentRun(database.pool, {
      agent: "risk-triage",
      request: "Triage entity E0000012",
      startedBy: "olga@example.com",
      tracing,
    });
    const trace = workspace.traces().find((t) => t.trace_id === run.traceId);
    expect(trace?.trace_metadata["mlflow.trace.tokenUsage"]).toBeUndefined();
    const types = (trace?.spans ?? []).map((s) => [
      s.name,
      JSON.parse(s.attributes["mlflow.spanType"] ?? "null"),
    ]);
    expect(types).toEqual(
      expect.arrayContaining([
        ["lookup_entity", "RETRIEVER"],
        ["list_open_alerts", "RETRIEVER"],
      ]),
    );
  });

  it("spans that cannot be uploaded leave the trace info logged; the outcome says why", async () => {
    workspace.inject("mlflow.trace-upload-credentials", {
      status: 403,
      body: { error_code: "PERMISSION_DENIED", message: "No access to the experiment's artifacts" },
    });
    const run = await startAgentRun(database.pool, {
      agent: "customer-support",
      request: "Refund ORD-1245",
      startedBy: "olga@example.com",
      tracing,
    });
    expect(workspace.traces().some((t) => t.trace_id === run.traceId && t.spans === undefined)).toBe(true);
    expect(run.traceError).toContain("No access to the experiment's artifacts");
  });
});
