import type { Queryable } from "@appbase/db";
import { enqueueReviewItem } from "../queue/queue.ts";
import { quoteSchema, schemaLiteral } from "./checkpoint-schemas.ts";

/** An `interrupt()` a thread is waiting at: raised from its newest root checkpoint and not resumed. */
export interface PendingInterrupt {
  checkpointSchema: string;
  threadId: string;
  interruptId: string;
  value: unknown;
  /** The graph id the writer recorded in the checkpoint metadata, if any. */
  graph: string | null;
}

function schemaInterruptsSql(schema: string): string {
  const s = quoteSchema(schema);
  return `select ${schemaLiteral(schema)}::text as checkpoint_schema, w.thread_id, i->>'id' as interrupt_id,
       i->'value' as value, coalesce(last.metadata->>'graph_id', last.metadata->>'assistant_id') as graph
  from (select distinct on (thread_id) thread_id, checkpoint_id, metadata from ${s}.checkpoints
         where checkpoint_ns = '' order by thread_id, checkpoint_id desc) last
  join ${s}.checkpoint_writes w on w.thread_id = last.thread_id and w.checkpoint_ns = ''
                               and w.checkpoint_id = last.checkpoint_id and w.channel = '__interrupt__'
  cross join lateral jsonb_array_elements(case jsonb_typeof(agent_ops.checkpoint_json(w.blob, w.type))
       when 'array' then agent_ops.checkpoint_json(w.blob, w.type) else '[]'::jsonb end) i
 where i->>'id' is not null
   and not exists (select 1 from ${s}.checkpoint_writes r where r.thread_id = w.thread_id and r.checkpoint_ns = ''
                      and r.checkpoint_id = w.checkpoint_id and r.channel = '__resume__')`;
}

/** Every pending interrupt in the checkpoint schemas of threads the kit did not start (it queues its own). */
export async function pendingForeignInterrupts(
  db: Queryable,
  schemas: readonly string[],
): Promise<PendingInterrupt[]> {
  if (schemas.length === 0) return [];
  const { rows } = await db.query<{
    checkpoint_schema: string;
    thread_id: string;
    interrupt_id: string;
    value: unknown;
    graph: string | null;
  }>(
    `select p.* from (${schemas.map((s) => `(${schemaInterruptsSql(s)})`).join(" union all ")}) p
      where not exists (select 1 from agent_ops.agent_run r where r.thread_id = p.thread_id)
      order by p.thread_id, p.interrupt_id`,
  );
  return rows.map((r) => ({
    checkpointSchema: r.checkpoint_schema,
    threadId: r.thread_id,
    interruptId: r.interrupt_id,
    value: r.value,
    graph: r.graph,
  }));
}

const MAX_TITLE = 200;

/** The review item title of a foreign interrupt: its question where it has one, else its value. */
export function foreignInterruptTitle(pending: Pick<PendingInterrupt, "value" | "graph">): string {
  const value = pending.value as { question?: unknown } | null;
  const what = typeof value?.question === "string" ? value.question : JSON.stringify(pending.value ?? null);
  const title = `${pending.graph ?? "Interrupt"}: ${what}`;
  return title.length > MAX_TITLE ? `${title.slice(0, MAX_TITLE - 1)}…` : title;
}

/**
 * Puts every pending interrupt of another program's threads in the review queue, once each (the
 * source key `interrupt:<thread>:<interrupt id>` dedupes, as for the kit's own). Idempotent, so the
 * queue page and its live refresh call it before reading. Returns how many interrupts are pending.
 */
export async function queueForeignInterrupts(db: Queryable, schemas: readonly string[]): Promise<number> {
  const pending = await pendingForeignInterrupts(db, schemas);
  for (const p of pending) {
    await enqueueReviewItem(db, {
      threadId: p.threadId,
      source: "interrupt",
      sourceKey: `interrupt:${p.threadId}:${p.interruptId}`,
      title: foreignInterruptTitle(p),
      payload: { checkpointSchema: p.checkpointSchema, interruptId: p.interruptId, value: p.value },
      priority: 50,
    });
  }
  return pending.length;
}
