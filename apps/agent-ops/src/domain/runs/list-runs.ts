import type { Queryable } from "@appbase/db";
import { escapeLike, sqlParameters } from "@appbase/db";
import type { TableParams, TableSpec } from "@appbase/ui/data-table";
import { checkpointThreadsSql } from "../checkpoints/checkpoint-threads.ts";
import { allToolCallsSql } from "../checkpoints/checkpoint-tool-calls.ts";
import type { RunStatus } from "./runs.ts";

/**
 * One conversation in the threads list: every thread of the bound checkpoint schemas, whoever wrote it,
 * summarised from its checkpoints; the kit's own run record (agent, model, who started it, its error)
 * adds to it where the kit started the thread.
 */
export interface RunSummary {
  threadId: string;
  /** The schema whose checkpoints hold the thread; null for a kit run with no checkpoint yet. */
  checkpointSchema: string | null;
  /** True when this kit started the thread, so it knows the graph and resumes its interrupts itself. */
  kitRun: boolean;
  /** The kit's agent, else the graph id the writer recorded; null when neither is known. */
  agent: string | null;
  /** The label stored when the kit's run started: the scripted model or the serving endpoint's name. */
  model: string | null;
  modelKind: "scripted" | "serving-endpoint" | null;
  /** The request the kit's run started with, else the thread's first human message. */
  request: string | null;
  status: RunStatus;
  error: string | null;
  startedBy: string | null;
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

/** URL contract of the threads list; the agent filter offers the agents and graphs that have threads. */
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

/** The agents (and recorded graph ids) that have at least one thread, for the agent filter. */
export async function listRunAgents(db: Queryable, schemas: readonly string[]): Promise<string[]> {
  const { rows } = await db.query<{ agent: string }>(
    `with ${threadsCte(schemas)} select agent from threads where agent is not null group by agent order by agent`,
  );
  return rows.map((r) => r.agent);
}

// Whitelisted sort keys → SQL; parseTableParams guarantees `sort` is one of the spec's keys.
const SORT_SQL: Record<string, string> = {
  started_at: "started_at",
  duration_ms: "(updated_at - started_at)",
  tool_errors: "tool_errors",
  agent: "agent",
  status: "status",
};

/**
 * Every thread as one relation `threads`: the threads of the checkpoint schemas joined with the kit's
 * run records (either side may be missing), with tool call and error counts over the recorded and the
 * checkpoint-read tool calls, and open review items.
 */
function threadsCte(schemas: readonly string[]): string {
  return `ck as (${checkpointThreadsSql(schemas)}),
  calls as (${allToolCallsSql(schemas)}),
  threads as (
    select coalesce(r.thread_id, ck.thread_id) as thread_id, ck.checkpoint_schema, r.thread_id is not null as kit_run,
           coalesce(r.agent, ck.graph) as agent, r.model, coalesce(r.request, ck.request) as request,
           coalesce(r.status, ck.status) as status, r.error, r.started_by,
           coalesce(r.started_at, ck.started_at) as started_at, coalesce(r.updated_at, ck.updated_at) as updated_at,
           ck.step, coalesce(ck.nodes, '{}') as nodes,
           coalesce(tc.calls, 0) as tool_calls, coalesce(tc.errors, 0) as tool_errors
      from agent_ops.agent_run r
      full join ck on ck.thread_id = r.thread_id
      left join lateral (select count(*)::int as calls, (count(*) filter (where c.status = 'error'))::int as errors
                           from calls c where c.thread_id = coalesce(r.thread_id, ck.thread_id)) tc on true)`;
}

/**
 * One page of threads, filtered (agent, status, with/without tool errors), searched (thread id or
 * request text), sorted and paged in SQL; open reviews are looked up for the page only.
 */
export async function listRuns(
  db: Queryable,
  params: TableParams,
  schemas: readonly string[],
): Promise<RunPage> {
  const where: string[] = [];
  const { values, bind } = sqlParameters();
  if (params.q) {
    const contains = `%${escapeLike(params.q)}%`;
    where.push(
      `(t.thread_id = ${bind(params.q)} or t.thread_id ilike ${bind(contains)} or t.request ilike $${values.length})`,
    );
  }
  if (params.filters.agent) where.push(`t.agent = ${bind(params.filters.agent)}`);
  if (params.filters.status) where.push(`t.status = ${bind(params.filters.status)}`);
  if (params.filters.errors === "with") where.push("t.tool_errors > 0");
  if (params.filters.errors === "without") where.push("t.tool_errors = 0");
  const whereSql = where.length > 0 ? `where ${where.join(" and ")}` : "";
  const sort = SORT_SQL[params.sort ?? "started_at"] ?? SORT_SQL.started_at;
  const dir = params.dir === "asc" ? "asc" : "desc";
  const limit = bind(params.pageSize);
  const offset = bind(params.offset);
  const { rows } = await db.query<RunRow & { total: number }>(
    `with ${threadsCte(schemas)},
     page as (select t.*, count(*) over ()::int as total from threads t ${whereSql}
               order by ${sort} ${dir} nulls last, thread_id ${dir} limit ${limit} offset ${offset})
     select p.*, ${OPEN_REVIEWS} from page p order by ${sort} ${dir} nulls last, thread_id ${dir}`,
    values,
  );
  const total =
    rows[0]?.total ??
    (
      await db.query<{ total: number }>(
        `with ${threadsCte(schemas)} select count(*)::int as total from threads t ${whereSql}`,
        values.slice(0, values.length - 2),
      )
    ).rows[0]?.total ??
    0;
  return { rows: rows.map(toSummary), total };
}

const OPEN_REVIEWS = `(select count(*)::int from agent_ops.review_item i
   where i.thread_id = p.thread_id and i.status <> 'decided') as open_reviews`;

/** One thread's summary, from its checkpoints and the kit's run record; null when neither exists. */
export async function getRun(
  db: Queryable,
  threadId: string,
  schemas: readonly string[],
): Promise<RunSummary | null> {
  const { rows } = await db.query<RunRow>(
    `with ${threadsCte(schemas)} select p.*, ${OPEN_REVIEWS} from threads p where p.thread_id = $1
      order by p.kit_run desc limit 1`,
    [threadId],
  );
  return rows[0] ? toSummary(rows[0]) : null;
}

interface RunRow {
  thread_id: string;
  checkpoint_schema: string | null;
  kit_run: boolean;
  agent: string | null;
  model: string | null;
  request: string | null;
  status: RunStatus;
  error: string | null;
  started_by: string | null;
  started_at: Date;
  updated_at: Date;
  tool_calls: number;
  tool_errors: number;
  open_reviews: number;
  step: number | null;
  nodes: string[];
}

function toSummary(r: RunRow): RunSummary {
  return {
    threadId: r.thread_id,
    checkpointSchema: r.checkpoint_schema,
    kitRun: r.kit_run,
    agent: r.agent,
    model: r.model,
    modelKind: r.model === null ? null : /scripted/i.test(r.model) ? "scripted" : "serving-endpoint",
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
