import { inTransaction, type Queryable, type TransactionalDb } from "@appbase/db";
import { quoteSchema } from "../checkpoints/checkpoint-schemas.ts";
import { checkpointThreadsSql } from "../checkpoints/checkpoint-threads.ts";
import { allToolCallsSql } from "../checkpoints/checkpoint-tool-calls.ts";
import { CHECKPOINT_SCHEMA } from "../checkpoints/kit-checkpoint-schema.ts";

/** The columns of `agent_ops.thread_summary`, in the order {@link threadSummarySql} selects them. */
export const THREAD_SUMMARY_COLUMNS = `thread_id, checkpoint_schema, kit_run, agent, model, request, status, error,
  started_by, started_at, updated_at, step, nodes, tool_calls, tool_errors`;

/**
 * One summary row per thread, computed from its sources: the threads of the checkpoint `schemas` and
 * the kit's run records (`runs: "all"` keeps runs with no checkpoint yet; `"matching"` only adds the
 * run record to a checkpoint thread), with tool call and error counts over the recorded and the
 * checkpoint-read tool calls. `thread` (a bound parameter such as `$1`) limits it to one thread.
 */
export function threadSummarySql(
  schemas: readonly string[],
  options: { runs: "all" | "matching"; thread?: string },
): string {
  const { thread } = options;
  const runs = `(select * from agent_ops.agent_run${thread ? ` where thread_id = ${thread}` : ""})`;
  const join = options.runs === "all" ? "full join" : "left join";
  return `with ck as (${checkpointThreadsSql(schemas, thread)}),
  calls as (${allToolCallsSql(schemas, thread)})
  select coalesce(r.thread_id, ck.thread_id) as thread_id, ck.checkpoint_schema, r.thread_id is not null as kit_run,
         coalesce(r.agent, ck.graph) as agent, r.model, coalesce(r.request, ck.request) as request,
         coalesce(r.status, ck.status) as status, r.error, r.started_by,
         coalesce(r.started_at, ck.started_at) as started_at, coalesce(r.updated_at, ck.updated_at) as updated_at,
         ck.step, coalesce(ck.nodes, '{}') as nodes,
         coalesce(tc.calls, 0) as tool_calls, coalesce(tc.errors, 0) as tool_errors
    from ${options.runs === "all" ? `${runs} r ${join} ck on ck.thread_id = r.thread_id` : `ck ${join} ${runs} r on r.thread_id = ck.thread_id`}
    left join lateral (select count(*)::int as calls, (count(*) filter (where c.status = 'error'))::int as errors
                         from calls c where c.thread_id = coalesce(r.thread_id, ck.thread_id)) tc on true`;
}

/** Upserts the summary rows {@link threadSummarySql} computes over the kit's own checkpoint schema. */
function upsertSummariesSql(thread?: string): string {
  return `insert into agent_ops.thread_summary (${THREAD_SUMMARY_COLUMNS})
  ${threadSummarySql([CHECKPOINT_SCHEMA], { runs: "all", ...(thread ? { thread } : {}) })}
  on conflict (thread_id) do update set
    checkpoint_schema = excluded.checkpoint_schema, kit_run = excluded.kit_run, agent = excluded.agent,
    model = excluded.model, request = excluded.request, status = excluded.status, error = excluded.error,
    started_by = excluded.started_by, started_at = excluded.started_at, updated_at = excluded.updated_at,
    step = excluded.step, nodes = excluded.nodes, tool_calls = excluded.tool_calls, tool_errors = excluded.tool_errors`;
}

/**
 * Recomputes one thread's summary row from its run record, checkpoints and tool calls, inside the
 * caller's transaction `tx` (the kit's checkpoint tables must exist: `checkpointerFor` creates them). Writers of the same thread take turns on a transaction-scoped lock, and
 * each recomputes from what is committed when its turn comes, so the last to commit leaves a row that
 * counts every write, whatever the order (a sum kept by increments could not promise that).
 */
export async function refreshThreadSummaryIn(tx: Queryable, threadId: string): Promise<void> {
  await tx.query("select pg_advisory_xact_lock(hashtext('agent_ops.thread_summary'), hashtext($1))", [
    threadId,
  ]);
  // Clears the thread's stale mark first: a writer that commits after this recompute read its rows
  // waits on this row lock, then marks the thread again (see installStaleMarks).
  await tx.query(`delete from ${STALE} where thread_id = $1`, [threadId]);
  const { rowCount } = await tx.query(upsertSummariesSql("$1"), [threadId]);
  // Neither a run record nor a checkpoint: the thread is gone (its row must not outlive it).
  if (rowCount === 0) await tx.query("delete from agent_ops.thread_summary where thread_id = $1", [threadId]);
}

/** {@link refreshThreadSummaryIn} in a transaction of its own (after a checkpoint the saver committed). */
export function refreshThreadSummary(db: TransactionalDb, threadId: string): Promise<void> {
  return inTransaction(db, (tx) => refreshThreadSummaryIn(tx, threadId));
}

/**
 * Recomputes every thread's summary at once (a repair, or after rows were written around the kit's
 * code, as tests and the page benchmark do); rows of threads that no longer exist are removed.
 */
export async function refreshAllThreadSummaries(db: TransactionalDb): Promise<void> {
  await inTransaction(db, async (tx) => {
    await tx.query("lock table agent_ops.thread_summary in exclusive mode");
    await tx.query(upsertSummariesSql());
    await tx.query(
      `delete from agent_ops.thread_summary s
        where not exists (select 1 from agent_ops.agent_run r where r.thread_id = s.thread_id)
          and not exists (select 1 from ${quoteSchema(CHECKPOINT_SCHEMA)}.checkpoints c where c.thread_id = s.thread_id)`,
    );
  });
}

const STALE = "agent_ops.thread_summary_stale";

/**
 * Marks a thread stale whenever any program writes the kit's checkpoint schema: the kit's saver
 * recomputes at once, but a plain LangGraph program writing there with the official PostgresSaver (the
 * kit's schema is a documented place to write) knows nothing of the summary. Statement triggers on
 * `checkpoints` and `checkpoint_writes` (one per event: a trigger with a transition table takes one)
 * record the thread ids in `agent_ops.thread_summary_stale`; {@link refreshStaleThreadSummaries} recomputes
 * them before the list is read. Installed after the saver's setup() creates the tables, under a lock
 * (concurrent CREATE OR REPLACE of one function fails); threads written before it was installed and
 * lacking a row are marked once.
 */
export async function installStaleMarks(db: TransactionalDb): Promise<void> {
  const schema = quoteSchema(CHECKPOINT_SCHEMA);
  await inTransaction(db, async (tx) => {
    await tx.query("select pg_advisory_xact_lock(hashtext('agent_ops.thread_summary_stale'))");
    await tx.query(`create table if not exists ${STALE} (thread_id text primary key)`);
    await tx.query(`create or replace function agent_ops.mark_thread_summary_stale() returns trigger
      language plpgsql as $$
      begin
        insert into ${STALE} (thread_id) select distinct thread_id from changed on conflict do nothing;
        return null;
      end $$`);
    for (const table of ["checkpoints", "checkpoint_writes"])
      for (const event of ["insert", "update"])
        await tx.query(`create or replace trigger thread_summary_stale_${event}
          after ${event} on ${schema}.${table} referencing new table as changed
          for each statement execute function agent_ops.mark_thread_summary_stale()`);
    await tx.query(
      `insert into ${STALE} (thread_id)
       select distinct c.thread_id from ${schema}.checkpoints c
        where not exists (select 1 from agent_ops.thread_summary s where s.thread_id = c.thread_id)
       on conflict do nothing`,
    );
  });
}

/** Recomputes the summaries of threads marked stale (written by a program other than the kit's saver). */
export async function refreshStaleThreadSummaries(db: TransactionalDb): Promise<void> {
  const { rows } = await db.query<{ thread_id: string }>(`select thread_id from ${STALE}`);
  for (const { thread_id } of rows) await refreshThreadSummary(db, thread_id);
}
