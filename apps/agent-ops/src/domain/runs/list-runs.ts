import type { KeysetOrder, KeysetPosition, ListCount, Queryable } from "@appbase/db";
import { countRows, escapeLike, keysetPage, keysetPosition, keysetQuery, sqlParameters } from "@appbase/db";
import type { TableParams, TableSpec } from "@appbase/ui/data-table";
import { CHECKPOINT_SCHEMA } from "../checkpoints/kit-checkpoint-schema.ts";
import type { RunStatus } from "./runs.ts";
import { THREAD_SUMMARY_COLUMNS, threadSummarySql } from "./thread-summary.ts";

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

/** One keyset page of threads, its neighbours' cursor tokens and the (maybe estimated) total. */
export interface RunPage extends ListCount {
  rows: RunSummary[];
  next: string | null;
  prev: string | null;
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

/** The kit's own schema holds the summarised threads; any other bound schema is another program's. */
function foreignSchemasOf(schemas: readonly string[]): string[] {
  return schemas.filter((s) => s !== CHECKPOINT_SCHEMA);
}

/**
 * Every thread as one relation `t`: the summary rows the kit keeps for its own schema and runs, and,
 * when another program's schemas are bound, their threads summarised as they are read (the kit may
 * only read those tables, so nothing it writes can keep a summary of them; see ARCHITECTURE.md).
 */
function threadsRelation(schemas: readonly string[]): string {
  const foreign = foreignSchemasOf(schemas);
  if (foreign.length === 0) return "agent_ops.thread_summary t";
  return `(select ${THREAD_SUMMARY_COLUMNS} from agent_ops.thread_summary
           union all
           select ${THREAD_SUMMARY_COLUMNS} from (${threadSummarySql(foreign, { runs: "matching" })}) f
            where not exists (select 1 from agent_ops.thread_summary s where s.thread_id = f.thread_id)) t`;
}

/** The agents (and recorded graph ids) that have at least one thread, for the agent filter. */
export async function listRunAgents(db: Queryable, schemas: readonly string[]): Promise<string[]> {
  const foreign = foreignSchemasOf(schemas);
  // A skip scan over the agent index: one probe per distinct agent, however many threads there are.
  const { rows } = await db.query<{ agent: string }>(
    `with recursive a as (
       (select agent from agent_ops.thread_summary where agent is not null order by agent limit 1)
       union all
       select (select s.agent from agent_ops.thread_summary s where s.agent > a.agent order by s.agent limit 1)
         from a where a.agent is not null)
     select agent from a where agent is not null
     ${foreign.length > 0 ? `union select agent from (${threadSummarySql(foreign, { runs: "matching" })}) f where agent is not null` : ""}
     order by agent`,
  );
  return rows.map((r) => r.agent);
}

// Whitelisted sort keys → keyset orders (the thread id breaks ties); parseTableParams guarantees
// `sort` is one of the spec's keys. Migration 0004 indexes each expression with the thread id.
// `value` is what a cursor's sort value must look like (as Postgres prints that type), so a cursor
// written under another sort, or made up, starts the list again instead of failing its cast.
const SORTS: Record<string, { sort: string; sortType: string; value: RegExp }> = {
  started_at: {
    sort: "t.started_at",
    sortType: "timestamptz",
    value: /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2}){0,2}$/,
  },
  duration_ms: {
    sort: "(t.updated_at - t.started_at)",
    sortType: "interval",
    value: /^(-?\d{1,6} (years?|mons?|days?) ?)*(-?\d{1,7}:\d{2}:\d{2}(\.\d{1,6})?)?$/,
  },
  tool_errors: { sort: "t.tool_errors", sortType: "integer", value: /^-?\d{1,9}$/ },
  // Threads of a graph that recorded no id have no agent; they sort as the empty name.
  agent: { sort: "coalesce(t.agent, '')", sortType: "text", value: /^/ },
  status: { sort: "t.status", sortType: "text", value: /^/ },
};

/** The keyset order of a list request (its sort, default newest first, and direction) and its cursor's value shape. */
function threadOrder(params: Pick<TableParams, "sort" | "dir">): { order: KeysetOrder; value: RegExp } {
  const { value, ...sort } =
    SORTS[params.sort ?? "started_at"] ?? (SORTS.started_at as (typeof SORTS)[string]);
  return { order: { ...sort, key: "t.thread_id", dir: params.dir === "asc" ? "asc" : "desc" }, value };
}

/** The page a request asks for; the first when its cursor's sort value is not one of this order's. */
function threadPosition(params: TableParams, order: KeysetOrder, value: RegExp): KeysetPosition {
  const position = keysetPosition(params, order);
  const cursor = "after" in position ? position.after : "before" in position ? position.before : null;
  const sortValue = cursor?.values[0];
  return sortValue === undefined || value.test(sortValue) ? position : {};
}

/**
 * One keyset page of threads, filtered (agent, status, with/without tool errors), searched (thread id
 * or request text) and sorted in SQL, with the count exact up to COUNT_EXACT_UP_TO and "about" beyond;
 * open reviews are looked up for the page only.
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
  const countValues = [...values];
  const { order, value } = threadOrder(params);
  const position = threadPosition(params, order, value);
  const keyset = keysetQuery(order, position, params.pageSize, bind);
  const pageWhere = keyset.where ? [...where, keyset.where] : where;
  const whereSql = (parts: string[]) => (parts.length > 0 ? `where ${parts.join(" and ")}` : "");
  const relation = threadsRelation(schemas);
  const result = await db.query<Omit<RunRow, "open_reviews"> & { keyset_value: string; keyset_key: string }>(
    `select t.*, ${keyset.select} from ${relation} ${whereSql(pageWhere)}
      order by ${keyset.orderBy} limit ${keyset.limit}`,
    values,
  );
  // A first page with no page after it holds every match: its rows are the count (a search that
  // matches a few threads does not read the table a second time to count them).
  const whole = Object.keys(position).length === 0 && result.rows.length <= params.pageSize;
  const count: ListCount = whole
    ? { total: result.rows.length, estimated: false }
    : await countRows(db, `from ${relation} ${whereSql(where)}`, countValues);
  const page = keysetPage(result.rows, position, params.pageSize);
  const reviews = await openReviewsOf(
    db,
    page.rows.map((r) => r.thread_id),
  );
  return {
    ...count,
    rows: page.rows.map((r) => toSummary({ ...r, open_reviews: reviews.get(r.thread_id) ?? 0 })),
    next: page.next,
    prev: page.prev,
  };
}

/** Open (undecided) review items per thread, for the threads of one page. */
async function openReviewsOf(db: Queryable, threadIds: string[]): Promise<Map<string, number>> {
  if (threadIds.length === 0) return new Map();
  const { rows } = await db.query<{ thread_id: string; open: number }>(
    `select thread_id, count(*)::int as open from agent_ops.review_item
      where thread_id = any($1::text[]) and status <> 'decided' group by thread_id`,
    [threadIds],
  );
  return new Map(rows.map((r) => [r.thread_id, r.open]));
}

const OPEN_REVIEWS = `(select count(*)::int from agent_ops.review_item i
   where i.thread_id = p.thread_id and i.status <> 'decided') as open_reviews`;

/** One thread's summary, from the kit's summary row or another program's checkpoints; null when neither exists. */
export async function getRun(
  db: Queryable,
  threadId: string,
  schemas: readonly string[],
): Promise<RunSummary | null> {
  const { rows } = await db.query<RunRow>(
    `select p.*, ${OPEN_REVIEWS} from agent_ops.thread_summary p where p.thread_id = $1`,
    [threadId],
  );
  if (rows[0]) return toSummary(rows[0]);
  const foreign = foreignSchemasOf(schemas);
  if (foreign.length === 0) return null;
  const read = await db.query<RunRow>(
    `select p.*, ${OPEN_REVIEWS} from (${threadSummarySql(foreign, { runs: "matching", thread: "$1" })}) p
      order by p.kit_run desc limit 1`,
    [threadId],
  );
  return read.rows[0] ? toSummary(read.rows[0]) : null;
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
