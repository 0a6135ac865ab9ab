import type { Queryable } from "@appbase/db";
import type { AIMessage } from "@langchain/core/messages";
import type { AgentModel } from "../agents/agent-model.ts";

/** Who a model call is accounted to. */
export interface ModelCallContext {
  threadId: string;
  agent: string;
  /** The person whose run it is. */
  user: string;
}

const MAX_ERROR = 2_000;

/**
 * The agent's model with every call recorded in `agent_ops.model_call`: tokens in and out as the model
 * reported them (`usage_metadata`; null when it reports none, as the scripted model does), latency,
 * and the error of a failed call, which is still thrown to the run.
 */
export function recordingModel(model: AgentModel, db: Queryable, context: ModelCallContext): AgentModel {
  const record = (startedAt: Date, reply: AIMessage | null, error: unknown) =>
    db.query(
      `insert into agent_ops.model_call
         (thread_id, agent, model, user_email, started_at, latency_ms, input_tokens, output_tokens, status, error)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        context.threadId,
        context.agent,
        model.label,
        context.user,
        startedAt,
        Math.max(0, Date.now() - startedAt.getTime()),
        reply?.usage_metadata?.input_tokens ?? null,
        reply?.usage_metadata?.output_tokens ?? null,
        error === null ? "ok" : "error",
        error === null ? null : String(error instanceof Error ? error.message : error).slice(0, MAX_ERROR),
      ],
    );
  return {
    label: model.label,
    reply: async (spec, messages, tools) => {
      const startedAt = new Date();
      let reply: AIMessage;
      try {
        reply = await model.reply(spec, messages, tools);
      } catch (error) {
        await record(startedAt, null, error);
        throw error;
      }
      await record(startedAt, reply, null);
      return reply;
    },
  };
}

/** Model calls of one day, agent, model and user. */
export interface UsageRow {
  day: string;
  agent: string;
  model: string;
  user: string;
  calls: number;
  errors: number;
  inputTokens: number;
  outputTokens: number;
  /** Calls that reported no token counts (e.g. the scripted model). */
  unreported: number;
  p50LatencyMs: number;
  maxLatencyMs: number;
}

/** Usage per UTC day, agent, model and user since `since` (all time when null), newest day first. */
export async function usageByDay(db: Queryable, since: Date | null): Promise<UsageRow[]> {
  const { rows } = await db.query<{
    day: string;
    agent: string;
    model: string;
    user_email: string;
    calls: number;
    errors: number;
    input_tokens: number;
    output_tokens: number;
    unreported: number;
    p50: number;
    max: number;
  }>(
    `select to_char(started_at at time zone 'UTC', 'YYYY-MM-DD') as day, agent, model, user_email,
            count(*)::int as calls, (count(*) filter (where status = 'error'))::int as errors,
            coalesce(sum(input_tokens), 0)::int as input_tokens, coalesce(sum(output_tokens), 0)::int as output_tokens,
            (count(*) filter (where input_tokens is null and output_tokens is null))::int as unreported,
            percentile_cont(0.5) within group (order by latency_ms) as p50, max(latency_ms) as max
       from agent_ops.model_call
      where $1::timestamptz is null or started_at >= $1
      group by day, agent, model, user_email
      order by day desc, calls desc, agent, model, user_email`,
    [since],
  );
  return rows.map((r) => ({
    day: r.day,
    agent: r.agent,
    model: r.model,
    user: r.user_email,
    calls: r.calls,
    errors: r.errors,
    inputTokens: r.input_tokens,
    outputTokens: r.output_tokens,
    unreported: r.unreported,
    p50LatencyMs: Number(r.p50),
    maxLatencyMs: Number(r.max),
  }));
}
