import type { Queryable } from "@appbase/db";
import { quoteSchema, schemaLiteral } from "./checkpoint-schemas.ts";

/** The text of a serialized LangChain message's content (string, or the text parts of a content list). */
export function contentTextSql(expression: string): string {
  const content = `(${expression})`;
  return `(case jsonb_typeof(${content}) when 'string' then ${content} #>> '{}'
    when 'array' then (select string_agg(p->>'text', ' ') from jsonb_array_elements(${content}) p where p->>'type' = 'text')
    else ${content}::text end)`;
}

/** Messages of a `messages` blob or write, as rows `m` (jsonb) with their position `i`. */
export function messagesOf(blob: string, kind: string): string {
  return `jsonb_array_elements(agent_ops.checkpoint_messages(${blob}, ${kind})) with ordinality`;
}

/**
 * The bound schemas that hold checkpoint tables (a schema named but never set up is skipped, and the
 * caller can say so), in the order given.
 */
export async function presentCheckpointSchemas(db: Queryable, schemas: readonly string[]): Promise<string[]> {
  const { rows } = await db.query<{ schema: string }>(
    `select table_schema as schema from information_schema.tables
      where table_name = 'checkpoints' and table_schema = any($1::text[])`,
    [schemas],
  );
  const present = new Set(rows.map((r) => r.schema));
  return schemas.filter((s) => present.has(s));
}

/** Pending triggers of a checkpoint `c`: a node's trigger channel holds a value newer than the node has seen. */
function hasPendingTask(s: string, c: string): string {
  return `exists (select 1 from jsonb_each(${c}.checkpoint->'channel_versions') cv
     join ${s}.checkpoint_blobs b on b.thread_id = ${c}.thread_id and b.checkpoint_ns = ${c}.checkpoint_ns
                                 and b.channel = cv.key and b.version = cv.value #>> '{}' and b.type <> 'empty'
    where (cv.key = '__start__' or cv.key like 'branch:to:%')
      and cv.value > coalesce(${c}.checkpoint->'versions_seen'
            -> (case cv.key when '__start__' then '__start__' else substr(cv.key, 11) end) -> cv.key, 'null'::jsonb))`;
}

function hasWrite(s: string, c: string, channel: string): string {
  return `exists (select 1 from ${s}.checkpoint_writes w where w.thread_id = ${c}.thread_id
     and w.checkpoint_ns = ${c}.checkpoint_ns and w.checkpoint_id = ${c}.checkpoint_id and w.channel = '${channel}')`;
}

/**
 * One row per root-graph thread of one checkpoint schema, from the checkpoints alone (any program's
 * threads, written by the official saver):
 * - `started_at`/`updated_at`: the first and newest checkpoint's `ts`;
 * - `graph`: the graph or assistant id where the writer recorded one in the checkpoint metadata;
 * - `request`: the first human message;
 * - `step`/`nodes`: the newest checkpoint's step and the nodes that produced it (`versions_seen` changed);
 * - `status`: failed (an `__error__` write), interrupted (an `__interrupt__` write without `__resume__`),
 *   running (a node's trigger channel is newer than what the node has seen), else completed.
 */
function schemaThreadsSql(schema: string, thread?: string): string {
  const s = quoteSchema(schema);
  const onlyThread = thread ? ` and thread_id = ${thread}` : "";
  return `select ${schemaLiteral(schema)}::text as checkpoint_schema, f.thread_id, f.started_at, f.updated_at,
       coalesce(last.metadata->>'graph_id', last.metadata->>'assistant_id') as graph,
       (last.metadata->>'step')::int as step, ran.nodes, req.request, last.checkpoint_id as last_checkpoint_id,
       case when ${hasWrite(s, "last", "__error__")} then 'failed'
            when ${hasWrite(s, "last", "__interrupt__")} and not ${hasWrite(s, "last", "__resume__")} then 'interrupted'
            when ${hasPendingTask(s, "last")} then 'running'
            else 'completed' end as status
  from (select thread_id, min((checkpoint->>'ts')::timestamptz) as started_at,
               max((checkpoint->>'ts')::timestamptz) as updated_at
          from ${s}.checkpoints where checkpoint_ns = ''${onlyThread} group by thread_id) f
  cross join lateral (select c.* from ${s}.checkpoints c where c.thread_id = f.thread_id and c.checkpoint_ns = ''
                       order by c.checkpoint_id desc limit 1) last
  left join lateral (select p.checkpoint->'versions_seen' as seen from ${s}.checkpoints p
                      where p.thread_id = f.thread_id and p.checkpoint_ns = ''
                        and p.checkpoint_id = last.parent_checkpoint_id) prev on true
  cross join lateral (select coalesce(array_agg(e.key order by e.key), '{}') as nodes
                        from jsonb_each(coalesce(last.checkpoint->'versions_seen', '{}'::jsonb)) e
                       where left(e.key, 2) <> '__' and (prev.seen -> e.key) is distinct from e.value) ran
  left join lateral (select ${contentTextSql("m->'kwargs'->'content'")} as request
                       from ${s}.checkpoint_blobs b, ${messagesOf("b.blob", "b.type")} as e(m, i)
                      where b.thread_id = f.thread_id and b.checkpoint_ns = '' and b.channel = 'messages'
                        and b.version = last.checkpoint->'channel_versions'->>'messages'
                        and m->'id'->>2 = 'HumanMessage'
                      order by e.i limit 1) req on true`;
}

/**
 * {@link schemaThreadsSql} over every schema, as one relation; `thread` (a bound parameter such as
 * `$1`) limits it to that thread.
 */
export function checkpointThreadsSql(schemas: readonly string[], thread?: string): string {
  if (schemas.length === 0) {
    return `select null::text as checkpoint_schema, null::text as thread_id, null::timestamptz as started_at,
      null::timestamptz as updated_at, null::text as graph, null::int as step, '{}'::text[] as nodes,
      null::text as request, null::text as last_checkpoint_id, null::text as status where false`;
  }
  return schemas.map((schema) => `(${schemaThreadsSql(schema, thread)})`).join("\nunion all\n");
}
