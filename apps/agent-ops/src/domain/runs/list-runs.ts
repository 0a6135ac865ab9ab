import type { Queryable } from "../../db/queryable.ts";
import type { RunStatus } from "./runs.ts";

/** One conversation in the threads list. */
export interface RunSummary {
  threadId: string;
  agent: string;
  model: string;
  request: string;
  status: RunStatus;
  error: string | null;
  startedBy: string;
  startedAt: Date;
  durationMs: number;
  openReviews: number;
  toolErrors: number;
}

/** Threads newest first, optionally filtered by status or a search over the request text and thread id. */
export async function listRuns(
  db: Queryable,
  filter: { status?: RunStatus; search?: string; limit?: number } = {},
): Promise<RunSummary[]> {
  const { rows } = await db.query<{
    thread_id: string;
    agent: string;
    model: string;
    request: string;
    status: RunStatus;
    error: string | null;
    started_by: string;
    started_at: Date;
    duration_ms: number;
    open_reviews: number;
    tool_errors: number;
  }>(
    `select r.*, (extract(epoch from r.updated_at - r.started_at) * 1000)::int as duration_ms,
            (select count(*)::int from agent_ops.review_item i where i.thread_id = r.thread_id and i.status <> 'decided') as open_reviews,
            (select count(*)::int from agent_ops.review_item i where i.thread_id = r.thread_id and i.source = 'tool-error') as tool_errors
     from agent_ops.agent_run r
     where ($1::text is null or r.status = $1)
       and ($2::text is null or r.request ilike '%' || $2 || '%' or r.thread_id = $2)
     order by r.started_at desc limit $3`,
    [filter.status ?? null, filter.search?.trim() || null, filter.limit ?? 100],
  );
  return rows.map((r) => ({
    threadId: r.thread_id,
    agent: r.agent,
    model: r.model,
    request: r.request,
    status: r.status,
    error: r.error,
    startedBy: r.started_by,
    startedAt: r.started_at,
    durationMs: r.duration_ms,
    openReviews: r.open_reviews,
    toolErrors: r.tool_errors,
  }));
}
