import { rateLimited } from "@appbase/databricks/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeWorkspace, startFakeWorkspace } from "../../testing/fake-workspace.ts";
import { createServedDataDatabase } from "../../testing/served-data-database.ts";
import type { TestDatabase } from "../../testing/test-database.ts";
import { resumeAgentRun, startAgentRun } from "../runs/runs.ts";
import { usageByDay } from "../usage/model-usage.ts";
import { servingAgentModel } from "./agent-model.ts";
import { ServingChatModel } from "./serving-chat-model.ts";
import { workspaceClient } from "./workspace-client.ts";

let database: TestDatabase;
let workspace: FakeWorkspace;
beforeAll(async () => {
  [database, workspace] = await Promise.all([createServedDataDatabase(), startFakeWorkspace()]);
});
afterAll(async () => {
  await workspace.close();
  await database.close();
});

const turn = (message: Record<string, unknown>) => ({
  id: "chatcmpl_x",
  object: "chat.completion",
  created: 1,
  model: "m",
  choices: [{ index: 0, message: { role: "assistant", ...message }, finish_reason: "stop" }],
  usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
});
const toolTurn = (id: string, name: string, args: unknown) =>
  turn({
    content: null,
    tool_calls: [{ id, type: "function", function: { name, arguments: JSON.stringify(args) } }],
  });

describe("an agent driven by a serving endpoint", () => {
  it("runs the model's tool calls, pauses for review, records its label, and finishes on the same endpoint", async () => {
    const model = servingAgentModel(
      new ServingChatModel({
        endpoint: "agents-llm",
        client: workspaceClient({ ...workspace, retry: { attempts: 1 } }),
      }),
    );
    workspace.replyWith(toolTurn("call_a", "lookup_order", { orderId: "ORD-5551" }));
    workspace.replyWith(toolTurn("call_b", "issue_refund", { orderId: "ORD-5551", amount: 12.5 }));
    const run = await startAgentRun(database.pool, {
      agent: "customer-support",
      request: "Refund ORD-5551 please",
      startedBy: "olga@example.com",
      model,
    });
    expect(run.status).toBe("interrupted");
    const { rows } = await database.pool.query("select model from agent_ops.agent_run where thread_id = $1", [
      run.threadId,
    ]);
    expect(rows[0].model).toBe("Databricks serving endpoint agents-llm");
    // The second call saw the first tool's result as a tool message.
    const second = workspace.seen.filter((r) => r.path.endsWith("/invocations")).at(-1)?.body as {
      messages: { role: string; tool_call_id?: string }[];
    };
    expect(second.messages.map((m) => m.role)).toEqual(["system", "user", "assistant", "tool"]);

    workspace.replyWith(turn({ content: "Refunded 12.50 USD." }));
    const done = await resumeAgentRun(database.pool, {
      threadId: run.threadId,
      resume: { decision: "approve", rationale: "Fine" },
      model,
    });
    expect(done.status).toBe("completed");
    const { rows: calls } = await database.pool.query(
      "select tool, status from agent_ops.tool_call where thread_id = $1 order by started_at",
      [run.threadId],
    );
    expect(calls).toEqual([
      { tool: "lookup_order", status: "ok" },
      { tool: "issue_refund", status: "ok" },
    ]);
  });

  it("records every model call's tokens, latency and errors, matching the requests the endpoint received", async () => {
    const model = servingAgentModel(
      new ServingChatModel({
        endpoint: "agents-llm",
        client: workspaceClient({ ...workspace, retry: { attempts: 1 } }),
      }),
    );
    const invocations = () => workspace.seen.filter((r) => r.path.endsWith("/agents-llm/invocations")).length;
    const before = invocations();
    const usage = (input: number, output: number) => ({
      usage: { prompt_tokens: input, completion_tokens: output, total_tokens: input + output },
    });
    workspace.replyWith({
      ...toolTurn("call_u1", "lookup_order", { orderId: "ORD-5557" }),
      ...usage(120, 17),
    });
    workspace.replyWith({ ...turn({ content: "ORD-5557 is not refundable." }), ...usage(180, 9) });
    const run = await startAgentRun(database.pool, {
      agent: "customer-support",
      request: "Refund ORD-5557 please",
      startedBy: "uma@example.com",
      model,
    });
    expect(run.status).toBe("completed");
    // A third run's call is refused by the endpoint: a failed call, with the endpoint's message.
    workspace.fail("invocations", rateLimited(undefined));
    const refused = await startAgentRun(database.pool, {
      agent: "customer-support",
      request: "Refund ORD-5567 please",
      startedBy: "uma@example.com",
      model,
    });
    expect(refused.status).toBe("failed");
    const requests = invocations() - before;
    expect(requests).toBe(3);

    const usageRows = await usageByDay(database.pool, null);
    const mine = usageRows.filter((r) => r.user === "uma@example.com");
    expect(mine).toEqual([
      expect.objectContaining({
        agent: "customer-support",
        model: "Databricks serving endpoint agents-llm",
        calls: requests,
        errors: 1,
        inputTokens: 120 + 180,
        outputTokens: 17 + 9,
        // The refused call reported no tokens.
        unreported: 1,
      }),
    ]);
    const { rows: failed } = await database.pool.query(
      "select error from agent_ops.model_call where user_email = $1 and status = 'error'",
      ["uma@example.com"],
    );
    expect(failed).toEqual([{ error: expect.stringContaining("Too many requests") }]);
    expect(mine[0]?.p50LatencyMs).toBeGreaterThanOrEqual(0);
  });
});
