import { randomUUID } from "node:crypto";
import { inTransaction, type TransactionalDb } from "@appbase/db";
import { ConflictError, NotFoundError } from "@appbase/next-kit/errors";
import type { KitCaller } from "@appbase/next-kit/kit-call";
import { withSpan } from "@appbase/telemetry";
import { AIMessage, type BaseMessage, HumanMessage, ToolMessage } from "@langchain/core/messages";
import { Command } from "@langchain/langgraph";
import type pg from "pg";
import { buildAgentGraph } from "../agents/agent-graph.ts";
import { type AgentModel, scriptedModel } from "../agents/agent-model.ts";
import { oneAtATime } from "../agents/agent-tool.ts";
import { type AgentName, agentSpec } from "../agents/agents.ts";
import type { ReviewResume } from "../agents/human-review.ts";
import { queueReviewItems } from "../agents/run-rules.ts";
import { SCRIPTED_MODEL_LABEL } from "../agents/scripted-model.ts";
import { supportAgent } from "../agents/support-agent.ts";
import type { MlflowTarget } from "../evaluation/assessment-outbox.ts";
import { logRunTrace } from "../evaluation/run-trace.ts";
import { turnSpans } from "../evaluation/turn-spans.ts";
import { disabledTools } from "../registry/agent-availability.ts";
import { recordingModel } from "../usage/model-usage.ts";
import { checkpointerFor } from "./checkpointer.ts";
import { refreshThreadSummaryIn } from "./thread-summary.ts";

export const SUPPORT_AGENT = supportAgent.name;

export type RunStatus = "running" | "interrupted" | "completed" | "failed";

export interface RunOutcome {
  threadId: string;
  status: RunStatus;
  /** Why the run failed (the model or the graph threw), in words. */
  error: string | null;
  /** The MLflow trace this turn was logged as, when an experiment is bound. */
  traceId?: string;
  /** Why logging the trace failed; the run itself is not affected. */
  traceError?: string;
}

/** Where a run's turns are logged as MLflow traces (the bound experiment), and who is acting. */
export interface RunTracing {
  target: MlflowTarget;
  user: string;
}

/** Starts an agent on a new thread and runs it until it finishes or pauses for review. */
export async function startAgentRun(
  pool: pg.Pool,
  input: {
    agent: AgentName;
    request: string;
    startedBy: string;
    threadId?: string;
    model?: AgentModel;
    tracing?: RunTracing;
    /** How its tools call other kits (the server's callKit); without it such tools fail, saying so. */
    kits?: KitCaller;
  },
): Promise<RunOutcome> {
  const threadId = input.threadId ?? `thread-${randomUUID()}`;
  const model = input.model ?? scriptedModel;
  // The summary reads the kit's checkpoint tables, which the saver's setup creates.
  await checkpointerFor(pool);
  await inTransaction(pool, async (tx) => {
    await tx.query(
      `insert into agent_ops.agent_run (thread_id, agent, model, request, started_by) values ($1, $2, $3, $4, $5)`,
      [threadId, input.agent, model.label, input.request, input.startedBy],
    );
    await refreshThreadSummaryIn(tx, threadId);
  });
  return advance(
    pool,
    { threadId, agent: input.agent, model, request: input.request, tracing: input.tracing, kits: input.kits },
    { messages: [new HumanMessage(input.request)] },
  );
}

/**
 * The model a stored run continues with: the scripted one if it started scripted, else the bound
 * endpoint, which must be the one it started with (a thread does not switch models half-way).
 */
function modelFor(threadId: string, label: string, bound: AgentModel | undefined): AgentModel {
  if (label === SCRIPTED_MODEL_LABEL) return scriptedModel;
  if (bound?.label === label) return bound;
  throw new ConflictError(
    `Thread ${threadId} ran on "${label}", which is not bound now (${bound ? `bound: "${bound.label}"` : "no serving endpoint is bound"}); bind that serving endpoint again (SERVING_ENDPOINT_NAME) to continue it.`,
    { threadId, model: label },
  );
}

/**
 * Checks that a thread can continue with the model bound now, before a reviewer's decision is stored
 * (a decision that cannot resume its run would leave the run paused for good).
 */
export async function assertResumable(
  pool: pg.Pool,
  threadId: string,
  bound: AgentModel | undefined,
): Promise<void> {
  const { rows } = await pool.query<{ model: string }>(
    "select model from agent_ops.agent_run where thread_id = $1",
    [threadId],
  );
  const run = rows[0];
  if (!run) throw new NotFoundError(`Thread ${threadId} is not a run of this kit.`);
  modelFor(threadId, run.model, bound);
}

/**
 * Checks that the interrupt a review item names is the one the thread waits at now: after a fork the
 * thread's newest checkpoint is on the fork, and a decision on the original branch's interrupt would
 * resume the fork's instead.
 */
export async function assertInterruptPending(
  pool: pg.Pool,
  input: { threadId: string; sourceKey: string },
): Promise<void> {
  const tuple = await (await checkpointerFor(pool)).getTuple({
    configurable: { thread_id: input.threadId, checkpoint_ns: "" },
  });
  const writes = tuple?.pendingWrites ?? [];
  if (writes.some(([, channel]) => channel === "__resume__")) return;
  const pending = writes
    .filter(([, channel]) => channel === "__interrupt__")
    .flatMap(([, , value]) => (Array.isArray(value) ? value : [value]) as Array<{ id?: string }>);
  const prefix = `interrupt:${input.threadId}:`;
  const wanted = input.sourceKey.startsWith(prefix) ? input.sourceKey.slice(prefix.length) : null;
  // Items queued before interrupts had ids are keyed by tool call id; they are not checked.
  if (wanted === null || pending.some((i) => i.id === wanted)) return;
  if (pending.every((i) => i.id === undefined)) return;
  throw new ConflictError(
    `Thread ${input.threadId} no longer waits at this interrupt (it was forked or resumed since); decide the item of the interrupt it waits at now.`,
    { threadId: input.threadId },
  );
}

/** Whether this kit started the thread (so it knows the graph and resumes it); other programs' threads are read only. */
export async function isKitThread(db: Pick<pg.Pool, "query">, threadId: string): Promise<boolean> {
  const { rows } = await db.query("select 1 from agent_ops.agent_run where thread_id = $1", [threadId]);
  return rows.length > 0;
}

/** Which of `threadIds` this kit started. */
export async function kitThreadIds(db: Pick<pg.Pool, "query">, threadIds: string[]): Promise<Set<string>> {
  if (threadIds.length === 0) return new Set();
  const { rows } = await db.query<{ thread_id: string }>(
    "select thread_id from agent_ops.agent_run where thread_id = any($1::text[])",
    [threadIds],
  );
  return new Set(rows.map((r) => r.thread_id));
}

/** A fork of a thread at a past checkpoint: the state update to write there, as the node `asNode`. */
export class StateFork {
  constructor(
    readonly checkpointId: string,
    readonly values: { messages: BaseMessage[] },
    readonly asNode: string,
  ) {}
}

/**
 * Forks a thread the kit started at one of its checkpoints with one tool result replaced (as LangGraph
 * Studio's "edit state and fork" does), and runs the graph on from there on the model it started with.
 * The fork stays in the same thread: its checkpoints' parent is the chosen one, the original branch is kept.
 */
export async function forkAgentRun(
  pool: pg.Pool,
  input: {
    threadId: string;
    checkpointId: string;
    toolCallId: string;
    result: string;
    model?: AgentModel;
    tracing?: RunTracing;
    kits?: KitCaller;
  },
): Promise<RunOutcome> {
  const run = await recordedRun(
    pool,
    input,
    `Thread ${input.threadId} was not started by this kit, so it does not know its graph; fork it in the program that runs it.`,
  );
  const saver = await checkpointerFor(pool);
  const tuple = await saver.getTuple({
    configurable: { thread_id: input.threadId, checkpoint_ns: "", checkpoint_id: input.checkpointId },
  });
  if (!tuple) {
    throw new NotFoundError(
      `Checkpoint ${input.checkpointId} is not a checkpoint of thread ${input.threadId}.`,
    );
  }
  const messages = (tuple.checkpoint.channel_values.messages ?? []) as BaseMessage[];
  const original = messages.find(
    (m): m is ToolMessage => ToolMessage.isInstance(m) && m.tool_call_id === input.toolCallId,
  );
  if (!original) {
    throw new NotFoundError(
      `Checkpoint ${input.checkpointId} holds no result of tool call ${input.toolCallId}; pick a checkpoint written after that tool ran.`,
    );
  }
  // Same message id: the messages reducer replaces the result instead of appending a second one.
  const edited = new ToolMessage({
    id: original.id,
    tool_call_id: original.tool_call_id,
    name: original.name,
    content: input.result,
    status: "success",
  });
  return advance(pool, run, new StateFork(input.checkpointId, { messages: [edited] }, "tools"));
}

/** Resumes a thread paused at its review step with the reviewer's decision, and runs it on. */
export async function resumeAgentRun(
  pool: pg.Pool,
  input: {
    threadId: string;
    resume: ReviewResume;
    model?: AgentModel;
    tracing?: RunTracing;
    kits?: KitCaller;
  },
): Promise<RunOutcome> {
  const run = await recordedRun(pool, input, `Thread ${input.threadId} is not a run of this kit.`);
  return advance(pool, run, new Command<ReviewResume>({ resume: input.resume }));
}

/** What `advance` needs of a run this kit recorded (agent, model, request), or NotFound with `missing`. */
async function recordedRun(
  pool: pg.Pool,
  input: { threadId: string; model?: AgentModel; tracing?: RunTracing; kits?: KitCaller },
  missing: string,
) {
  const { rows } = await pool.query<{ agent: string; model: string; request: string }>(
    "select agent, model, request from agent_ops.agent_run where thread_id = $1",
    [input.threadId],
  );
  const run = rows[0];
  if (!run) throw new NotFoundError(missing);
  return {
    threadId: input.threadId,
    agent: run.agent,
    model: modelFor(input.threadId, run.model, input.model),
    request: run.request,
    tracing: input.tracing,
    kits: input.kits,
  };
}

/** Stores how a run's turn ended on its record, and the thread's summary with it, in one transaction. */
export function recordRunOutcome(
  db: TransactionalDb,
  threadId: string,
  status: RunStatus,
  error: string | null,
): Promise<void> {
  return inTransaction(db, async (tx) => {
    await tx.query(
      "update agent_ops.agent_run set status = $2, error = $3, updated_at = now() where thread_id = $1",
      [threadId, status, error],
    );
    await refreshThreadSummaryIn(tx, threadId);
  });
}

async function advance(
  pool: pg.Pool,
  run: {
    threadId: string;
    agent: string;
    model: AgentModel;
    request: string;
    tracing: RunTracing | undefined;
    kits: KitCaller | undefined;
  },
  // A new request, the reviewer's answer to the pending interrupt, or a fork: the state written at a
  // past checkpoint as if `asNode` had produced it (LangGraph time travel), then the graph runs on from there.
  graphInput: { messages: BaseMessage[] } | Command<ReviewResume> | StateFork,
): Promise<RunOutcome> {
  const spec = agentSpec(run.agent);
  const toolNames = [...spec.tools, ...(spec.evidence?.tools ?? [])].map((t) => t.name);
  const db = oneAtATime(pool);
  const { rows: owners } = await pool.query<{ started_by: string }>(
    "select started_by from agent_ops.agent_run where thread_id = $1",
    [run.threadId],
  );
  const graph = buildAgentGraph(spec, {
    checkpointer: await checkpointerFor(pool),
    // Every model call is accounted to the run's agent, model and the person who started it.
    model: recordingModel(run.model, db, {
      threadId: run.threadId,
      agent: run.agent,
      user: owners[0]?.started_by ?? "unknown",
    }),
    // Read per turn: a tool an admin disables while a run waits for review is refused when it resumes.
    ctx: {
      db,
      disabledTools: await disabledTools(pool, toolNames),
      ...(run.kits ? { kits: run.kits } : {}),
    },
  });
  // "sync": each checkpoint is written before the next step starts, so a step never runs ahead of the
  // state the timeline can show, and its tool queries never overlap the checkpoint writes.
  const config = { configurable: { thread_id: run.threadId }, durability: "sync" as const };
  let input: Parameters<typeof graph.invoke>[0] = graphInput as Parameters<typeof graph.invoke>[0];
  let runConfig: { configurable: Record<string, unknown>; durability: "sync" } = config;
  if (graphInput instanceof StateFork) {
    const forked = await graph.updateState(
      { configurable: { thread_id: run.threadId, checkpoint_id: graphInput.checkpointId } },
      graphInput.values,
      graphInput.asNode,
    );
    // Run on from the fork's checkpoint; the thread's newest checkpoint is then on the fork.
    runConfig = { ...config, configurable: { ...forked.configurable } };
    input = null;
  }
  let status: RunStatus;
  let error: string | null = null;
  let response = "";
  const startedAt = new Date();
  try {
    await withSpan(
      `agent run ${run.agent}`,
      { "appbase.agent": run.agent, "appbase.agent.thread_id": run.threadId },
      () => graph.invoke(input, runConfig),
    );
    const state = await graph.getState(config);
    const interrupts = state.tasks.flatMap((t) => t.interrupts);
    await queueReviewItems(pool, {
      spec,
      threadId: run.threadId,
      messages: (state.values as { messages?: BaseMessage[] }).messages ?? [],
      interrupts,
    });
    status = interrupts.length > 0 ? "interrupted" : "completed";
    const last = ((state.values as { messages?: BaseMessage[] }).messages ?? []).at(-1);
    response =
      status === "interrupted"
        ? `Paused for human review: ${JSON.stringify(interrupts[0]?.value ?? null)}`
        : AIMessage.isInstance(last)
          ? String(last.content)
          : "";
  } catch (failure) {
    status = "failed";
    error = failure instanceof Error ? failure.message : String(failure);
    response = error;
  }
  await recordRunOutcome(pool, run.threadId, status, error);
  const outcome: RunOutcome = { threadId: run.threadId, status, error };
  if (!run.tracing) return outcome;
  try {
    const turn = {
      threadId: run.threadId,
      user: run.tracing.user,
      agent: run.agent,
      model: run.model.label,
      request: run.request,
      response,
      startedAt,
      endedAt: new Date(),
      error,
      retrieverTools: spec.evidence?.tools.map((t) => t.name) ?? [],
    };
    const logged = await logRunTrace(
      run.tracing.target.client,
      run.tracing.target.experimentId,
      turn,
      await turnSpans(pool, turn),
    );
    outcome.traceId = logged.traceId;
    if (logged.spansError) outcome.traceError = logged.spansError;
  } catch (failure) {
    outcome.traceError = failure instanceof Error ? failure.message : String(failure);
  }
  return outcome;
}
