import type { Queryable } from "@appbase/db";
import { escapeLike, sqlParameters } from "@appbase/db";
import type { TableParams, TableSpec } from "@appbase/ui/data-table";
import { CHECKPOINT_SCHEMA } from "./checkpointer.ts";
import type { RunStatus } from "./runs.ts";

/** One conversation in the threads list. */
export interface RunSummary {
  threadId: string;
  agent: string;
  /** The label stored when the run started: the scripted model or the serving endpoint's name. */
  model: string;
  modelKind: "scripted" | "serving-endpoint";
  request: string;
  status: RunStatus;
  error: string | null;
  startedBy: string;
  startedAt: Date;
  durationMs: number;
  openReviews: number;
  toolCalls: number;
  toolErrors: number;
  /** The newest root checkpoint's step number and the nodes that produced it; null before the first. */
  lastStep: { step: number; nodes: string[] } | null;
}

export interface RunPage {
  rows: RunSummary[];
  total: number;
}

const STATUSES = ["running", "interrupted", "completed", "failed"] as const;

/** URL contract of the threads list; the agent filter offers the agents that have runs. */
export function threadTableSpec(agents: readonly string[]) {
  return {
    sortable: ["started_at", "duration_ms", "tool_errors", "agent", "status"],
    defaultSort: { key: "started_at", dir: "desc" },
    pageSizes: [25, 50, 100],
    maxQueryLength: 200,
    filters: [
      { key: "agent", label: "Agent", options: agents.map((a) => ({ value: a })) },
      { key: "status", label: "Status", options: STATUSES.map((s) => ({ value: s })) },
      {
        key: "errors",
        label: "Tool errors",
        options: [
          { value: "with", label: "With tool errors" },
          { value: "without", label: "Without tool errors" },
        ],
      },
    ],
  } as const satisfies TableSpec;
}

/** The agents that have at least one run, for the agent filter. */
export async function listRunAgents(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ agent: string }>(
    "select agent from agent_ops.agent_run group by agent order by agent",
  );
  return rows.map((r) => r.agent);
}

// Whitelisted sort keys → SQL; parseTableParams guarantees `sort` is one of the spec's keys.
const SORT_SQL: Record<string, string> = {
  started_at: "r.started_at",
  duration_ms: "(r.updated_at - r.started_at)",
  tool_errors: "coalesce(t.errors, 0)",
  agent: "r.agent",
  status: "r.status",
};

const TOOL_COUNTS = `left join lateral (
    select count(*)::int as calls, (count(*) filter (where tc.status = 'error'))::int as errors
      from agent_ops.tool_call tc where tc.thread_id = r.thread_id) t on true`;

/**
 * One page of threads, filtered (agent, status, with/without tool errors), searched (thread id or
 * request text), sorted and paged in SQL. Last step and open reviews are looked up for the page only.
 */
export async function listRuns(db: Queryable, params: TableParams): Promise<RunPage> {
  const where: string[] = [];
  const { values, bind } = sqlParameters();
  if (params.q) {
    const contains = `%${escapeLike(params.q)}%`;
    where.push(
      `(r.thread_id = ${bind(params.q)} or r.thread_id ilike ${bind(contains)} or r.request ilike $${values.length})`,
    );
  }
  if (params.filters.agent) where.push(`r.agent = ${bind(params.filters.agent)}`);
  if (params.filters.status) where.push(`r.status = ${bind(params.filters.status)}`);
  const hasErrors = `exists (select 1 from agent_ops.tool_call e where e.thread_id = r.thread_id and e.status = 'error')`;
  if (params.filters.errors === "with") where.push(hasErrors);
  if (params.filters.errors === "without") where.push(`not ${hasErrors}`);
  const whereSql = where.length > 0 ? `where ${where.join(" and ")}` : "";
  const sort = SORT_SQL[params.sort ?? "started_at"] ?? SORT_SQL.started_at;
  const dir = params.dir === "asc" ? "asc" : "desc";
  const countValues = [...values];
  const limit = bind(params.pageSize);
  const offset = bind(params.offset);
  const order = `${sort} ${dir}, r.thread_id ${dir}`;
  const [page, count] = await Promise.all([
    db.query<RunRow>(
      `${pageOfRuns(`${whereSql} order by ${order} limit ${limit} offset ${offset}`, order)}
     order by r.position`,
      values,
    ),
    db.query<{ total: number }>(
      `select count(*)::int as total from agent_ops.agent_run r ${whereSql}`,
      countValues,
    ),
  ]);
  return { rows: page.rows.map(toSummary), total: count.rows[0]?.total ?? 0 };
}

/** One thread's summary, or null when the kit did not start it (a thread written by another program). */
export async function getRun(db: Queryable, threadId: string): Promise<RunSummary | null> {
  const { rows } = await db.query<RunRow>(pageOfRuns("where r.thread_id = $1", "r.thread_id"), [threadId]);
  return rows[0] ? toSummary(rows[0]) : null;
}

/**
 * The runs chosen by `filterSql` (where, order, limit) first, then the per-thread lookups for those
 * rows only: open reviews, and the newest root checkpoint's step with the nodes whose
 * `versions_seen` changed from its parent (the nodes that produced it).
 */
function pageOfRuns(filterSql: string, order: string): string {
  return `select r.*, reviews.open_reviews, last.step, ran.nodes
  from (select r.*, coalesce(t.calls, 0) as tool_calls, coalesce(t.errors, 0) as tool_errors,
               row_number() over (order by ${order}) as position
          from agent_ops.agent_run r ${TOOL_COUNTS} ${filterSql}) r
  left join lateral (select count(*)::int as open_reviews from agent_ops.review_item i
                      where i.thread_id = r.thread_id and i.status <> 'decided') reviews on true
  left join lateral (select c.metadata->>'step' as step, c.checkpoint->'versions_seen' as seen,
                            c.parent_checkpoint_id
                       from ${CHECKPOINT_SCHEMA}.checkpoints c
                      where c.thread_id = r.thread_id and c.checkpoint_ns = ''
                      order by c.checkpoint_id desc limit 1) last on true
  left join lateral (select p.checkpoint->'versions_seen' as seen from ${CHECKPOINT_SCHEMA}.checkpoints p
                      where p.thread_id = r.thread_id and p.checkpoint_ns = ''
                        and p.checkpoint_id = last.parent_checkpoint_id) prev on true
  left join lateral (select coalesce(array_agg(e.key order by e.key), '{}') as nodes
                       from jsonb_each(coalesce(last.seen, '{}'::jsonb)) e
                      where left(e.key, 2) <> '__' and (prev.seen -> e.key) is distinct from e.value) ran on true`;
}

interface RunRow {
  thread_id: string;
  agent: string;
  model: string;
  request: string;
  status: RunStatus;
  error: string | null;
  started_by: string;
  started_at: Date;
  updated_at: Date;
  tool_calls: number;
  tool_errors: number;
  open_reviews: number;
  step: string | null;
  nodes: string[];
}

function toSummary(r: RunRow): RunSummary {
  return {
    threadId: r.thread_id,
    agent: r.agent,
    model: r.model,
    modelKind: /scripted/i.test(r.model) ? "scripted" : "serving-endpoint",
    request: r.request,
    status: r.status,
    error: r.error,
    startedBy: r.started_by,
    startedAt: r.started_at,
    durationMs: Math.max(0, r.updated_at.getTime() - r.started_at.getTime()),
    openReviews: r.open_reviews,
    toolCalls: r.tool_calls,
    toolErrors: r.tool_errors,
    lastStep: r.step === null ? null : { step: Number(r.step), nodes: r.nodes },
  };
}
