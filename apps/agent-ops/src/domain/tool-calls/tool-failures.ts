import type { Queryable } from "@appbase/db";

/** A tool call that failed, with what it was called with, for the recent-failures list. */
export interface ToolFailure {
  threadId: string;
  toolCallId: string;
  agent: string;
  tool: string;
  args: unknown;
  error: string;
  startedAt: Date;
  durationMs: number;
}

/** Failed calls since `since` (all time when null), newest first, optionally of one tool, with their total. */
export async function recentToolFailures(
  db: Queryable,
  filter: { since: Date | null; tool?: string; limit?: number },
): Promise<{ rows: ToolFailure[]; total: number }> {
  const values = [filter.since, filter.tool ?? null];
  const where = `status = 'error' and ($1::timestamptz is null or started_at >= $1) and ($2::text is null or tool = $2)`;
  const [page, count] = await Promise.all([
    db.query<{
      thread_id: string;
      tool_call_id: string;
      agent: string;
      tool: string;
      args: unknown;
      error: string | null;
      started_at: Date;
      duration_ms: number;
    }>(
      `select thread_id, tool_call_id, agent, tool, args, error, started_at, duration_ms
       from agent_ops.tool_call where ${where}
      order by started_at desc, thread_id, tool_call_id limit $3`,
      [...values, filter.limit ?? 20],
    ),
    db.query<{ total: number }>(
      `select count(*)::int as total from agent_ops.tool_call where ${where}`,
      values,
    ),
  ]);
  return {
    rows: page.rows.map((r) => ({
      threadId: r.thread_id,
      toolCallId: r.tool_call_id,
      agent: r.agent,
      tool: r.tool,
      args: r.args,
      error: r.error ?? "(no error message recorded)",
      startedAt: r.started_at,
      durationMs: r.duration_ms,
    })),
    total: count.rows[0]?.total ?? 0,
  };
}
