import { randomUUID } from "node:crypto";
import { NotFoundError } from "@appbase/next-kit/errors";
import { HumanMessage, ToolMessage } from "@langchain/core/messages";
import { Command } from "@langchain/langgraph";
import type pg from "pg";
import { SCRIPTED_MODEL_LABEL } from "../agents/scripted-model.ts";
import { buildSupportAgent, type RefundReviewRequest, type ReviewResume } from "../agents/support-agent.ts";
import { enqueueReviewItem } from "../queue/queue.ts";
import { checkpointerFor } from "./checkpointer.ts";

export const SUPPORT_AGENT = "customer-support";

export type RunStatus = "running" | "interrupted" | "completed" | "failed";

/** Starts the demo support agent on a new thread and runs it until it finishes or pauses for review. */
export async function startSupportRun(
  pool: pg.Pool,
  input: { request: string; startedBy: string; threadId?: string },
): Promise<{ threadId: string; status: RunStatus }> {
  const threadId = input.threadId ?? `thread-${randomUUID()}`;
  await pool.query(
    `insert into agent_ops.agent_run (thread_id, agent, model, request, started_by) values ($1, $2, $3, $4, $5)`,
    [threadId, SUPPORT_AGENT, SCRIPTED_MODEL_LABEL, input.request, input.startedBy],
  );
  return advance(pool, threadId, { messages: [new HumanMessage(input.request)] });
}

/** Resumes a thread paused at its review step with the reviewer's decision, and runs it on. */
export async function resumeSupportRun(
  pool: pg.Pool,
  input: { threadId: string; resume: ReviewResume },
): Promise<{ threadId: string; status: RunStatus }> {
  const { rows } = await pool.query("select 1 from agent_ops.agent_run where thread_id = $1", [
    input.threadId,
  ]);
  if (rows.length === 0) throw new NotFoundError(`Thread ${input.threadId} is not a run of this kit.`);
  return advance(pool, input.threadId, new Command({ resume: input.resume }));
}

async function advance(
  pool: pg.Pool,
  threadId: string,
  graphInput: Parameters<ReturnType<typeof buildSupportAgent>["invoke"]>[0],
): Promise<{ threadId: string; status: RunStatus }> {
  const graph = buildSupportAgent(await checkpointerFor(pool));
  const config = { configurable: { thread_id: threadId } };
  let status: RunStatus;
  let error: string | null = null;
  try {
    await graph.invoke(graphInput, config);
    const state = await graph.getState(config);
    const interrupts = state.tasks.flatMap((t) => t.interrupts);
    for (const pending of interrupts) {
      const request = pending.value as RefundReviewRequest;
      await enqueueReviewItem(pool, {
        threadId,
        source: "interrupt",
        sourceKey: `interrupt:${threadId}:${pending.id ?? request.toolCallId}`,
        title: `Approve ${request.tool} ${JSON.stringify(request.args)}`,
        payload: request,
        priority: 50,
      });
    }
    // Rule: every failed tool call is worth a human look.
    const messages = (state.values as { messages?: unknown[] }).messages ?? [];
    for (const m of messages) {
      if (ToolMessage.isInstance(m) && m.status === "error") {
        await enqueueReviewItem(pool, {
          threadId,
          source: "tool-error",
          sourceKey: `tool-error:${threadId}:${m.tool_call_id}`,
          title: `Tool ${m.name ?? "call"} failed: ${String(m.content).slice(0, 120)}`,
          payload: { toolCallId: m.tool_call_id, tool: m.name, error: String(m.content) },
          priority: 80,
        });
      }
    }
    status = interrupts.length > 0 ? "interrupted" : "completed";
  } catch (failure) {
    status = "failed";
    error = failure instanceof Error ? failure.message : String(failure);
  }
  await pool.query(
    "update agent_ops.agent_run set status = $2, error = $3, updated_at = now() where thread_id = $1",
    [threadId, status, error],
  );
  return { threadId, status };
}
