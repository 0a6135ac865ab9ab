import { newSpanId, type TokenUsage, type TraceSpan } from "@appbase/databricks";
import type { Queryable } from "@appbase/db";

/** One agent turn (a start, a resume or a fork run), as its MLflow trace records it. */
export interface RunTurn {
  threadId: string;
  /** Who started or resumed the turn (trace metadata mlflow.trace.user). */
  user: string;
  agent: string;
  /** The run's model label (trace metadata mlflow.modelId). */
  model: string;
  request: string;
  /** The turn's last answer or why it stopped. */
  response: string;
  startedAt: Date;
  endedAt: Date;
  /** Why the turn failed, or null. */
  error: string | null;
  /** Tools whose calls read evidence for the agent (its evidence subgraph): RETRIEVER spans. */
  retrieverTools: readonly string[];
}

export interface TurnSpans {
  spans: TraceSpan[];
  /** The turn's tokens over every model call that reported them; null when none did. */
  usage: TokenUsage | null;
}

const after = (at: Date, ms: number) => new Date(at.getTime() + ms);

/**
 * The spans of one turn, built from what the kit recorded while it ran: the turn as the AGENT root,
 * every model call under it as an LLM span with `mlflow.chat.tokenUsage` (when the model reported
 * tokens), and every tool call as a TOOL span (RETRIEVER for evidence reads) with its arguments and
 * result. A tool call replayed from an earlier turn started before this one and is not repeated here.
 */
export async function turnSpans(db: Queryable, turn: RunTurn): Promise<TurnSpans> {
  const window = [turn.threadId, turn.startedAt, turn.endedAt];
  const [{ rows: models }, { rows: tools }] = await Promise.all([
    db.query<{
      model: string;
      started_at: Date;
      latency_ms: number;
      input_tokens: number | null;
      output_tokens: number | null;
      error: string | null;
    }>(
      `select model, started_at, latency_ms, input_tokens, output_tokens, error
         from agent_ops.model_call
        where thread_id = $1 and started_at between $2 and $3
        order by started_at, id`,
      window,
    ),
    db.query<{
      tool: string;
      tool_call_id: string;
      args: unknown;
      result: unknown;
      error: string | null;
      started_at: Date;
      duration_ms: number;
    }>(
      `select tool, tool_call_id, args, result, error, started_at, duration_ms
         from agent_ops.tool_call
        where thread_id = $1 and started_at between $2 and $3
        order by started_at, tool_call_id`,
      window,
    ),
  ]);
  const root = newSpanId();
  const reported = models.filter((m) => m.input_tokens !== null || m.output_tokens !== null);
  const usage = reported.length
    ? tokenUsage(
        reported.reduce((sum, m) => sum + (m.input_tokens ?? 0), 0),
        reported.reduce((sum, m) => sum + (m.output_tokens ?? 0), 0),
      )
    : null;
  const rootSpan: TraceSpan = {
    spanId: root,
    name: turn.agent,
    type: "AGENT",
    startedAt: turn.startedAt,
    endedAt: turn.endedAt,
    ...(turn.error === null ? {} : { error: turn.error }),
    inputs: { request: turn.request },
    outputs: turn.response,
    attributes: { "session.id": turn.threadId, "user.id": turn.user },
  };
  const children: TraceSpan[] = [
    ...models.map(
      (m): TraceSpan => ({
        spanId: newSpanId(),
        parentSpanId: root,
        name: m.model,
        type: "LLM",
        startedAt: m.started_at,
        endedAt: after(m.started_at, m.latency_ms),
        ...(m.error === null ? {} : { error: m.error }),
        attributes: {
          "mlflow.llm.model": m.model,
          ...(m.input_tokens === null && m.output_tokens === null
            ? {}
            : { "mlflow.chat.tokenUsage": tokenUsage(m.input_tokens ?? 0, m.output_tokens ?? 0) }),
        },
      }),
    ),
    ...tools.map(
      (t): TraceSpan => ({
        spanId: newSpanId(),
        parentSpanId: root,
        name: t.tool,
        type: turn.retrieverTools.includes(t.tool) ? "RETRIEVER" : "TOOL",
        startedAt: t.started_at,
        endedAt: after(t.started_at, t.duration_ms),
        ...(t.error === null ? {} : { error: t.error }),
        inputs: t.args,
        ...(t.error === null ? { outputs: t.result } : {}),
        attributes: { "gen_ai.tool.call.id": t.tool_call_id },
      }),
    ),
  ];
  // Model and tool calls alternate in a turn; MLflow shows the children in the order given.
  children.sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
  return { spans: [rootSpan, ...children], usage };
}

function tokenUsage(input: number, output: number): TokenUsage {
  return { input_tokens: input, output_tokens: output, total_tokens: input + output };
}
