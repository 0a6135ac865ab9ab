import { quoteSchema } from "./checkpoint-schemas.ts";
import { contentTextSql, messagesOf } from "./checkpoint-threads.ts";

/**
 * Tool calls of one checkpoint schema, from the ToolMessages the tool tasks wrote (`checkpoint_writes`,
 * channel `messages`), one per (thread, tool call id): the newest write wins (a fork's edit replaces the
 * original). The call started when the checkpoint its task ran from was written and ended when the
 * next checkpoint was (null while that step is unfinished); its arguments come from the AI message
 * that asked for it.
 */
function schemaToolCallsSql(schema: string, thread?: string): string {
  const s = quoteSchema(schema);
  return `select distinct on (w.thread_id, m->'kwargs'->>'tool_call_id')
       w.thread_id, m->'kwargs'->>'tool_call_id' as tool_call_id,
       coalesce(m->'kwargs'->>'name', 'unnamed tool') as tool,
       case when m->'kwargs'->>'status' = 'error' then 'error' else 'ok' end as status,
       ${contentTextSql("m->'kwargs'->'content'")} as output,
       (c.checkpoint->>'ts')::timestamptz as started_at,
       greatest(0, round(extract(epoch from (nxt.ts - (c.checkpoint->>'ts')::timestamptz)) * 1000))::int as duration_ms,
       coalesce(args.args, '{}'::jsonb) as args,
       graph.graph
  from ${s}.checkpoint_writes w
  join ${s}.checkpoints c on c.thread_id = w.thread_id and c.checkpoint_ns = w.checkpoint_ns
                         and c.checkpoint_id = w.checkpoint_id
  cross join lateral ${messagesOf("w.blob", "w.type")} as e(m, i)
  left join lateral (select min((n.checkpoint->>'ts')::timestamptz) as ts from ${s}.checkpoints n
                      where n.thread_id = w.thread_id and n.checkpoint_ns = w.checkpoint_ns
                        and n.parent_checkpoint_id = w.checkpoint_id) nxt on true
  left join lateral (select tc->'args' as args
                       from ${s}.checkpoint_writes aw, ${messagesOf("aw.blob", "aw.type")} as ae(am, ai),
                            jsonb_array_elements(case jsonb_typeof(am->'kwargs'->'tool_calls')
                                                 when 'array' then am->'kwargs'->'tool_calls' else '[]' end) tc
                      where aw.thread_id = w.thread_id and aw.channel = 'messages'
                        and tc->>'id' = m->'kwargs'->>'tool_call_id'
                      order by aw.checkpoint_id desc limit 1) args on true
  left join lateral (select coalesce(r.metadata->>'graph_id', r.metadata->>'assistant_id') as graph
                       from ${s}.checkpoints r where r.thread_id = w.thread_id and r.checkpoint_ns = ''
                      order by r.checkpoint_id desc limit 1) graph on true
 where w.channel = 'messages' and m->'id'->>2 = 'ToolMessage' and m->'kwargs'->>'tool_call_id' is not null${thread ? ` and w.thread_id = ${thread}` : ""}
 order by w.thread_id, m->'kwargs'->>'tool_call_id', w.checkpoint_id desc`;
}

/**
 * Every tool call the agents made, in the columns of `agent_ops.tool_call`: the kit's recorded calls
 * (exact latency and errors) and, for calls it did not record (any other program's threads), the
 * calls read from the checkpoint schemas. The agent is the kit's run's agent, else the graph id the
 * writer recorded, else "unnamed graph". `thread` (a bound parameter such as `$1`) limits them to that thread.
 */
export function allToolCallsSql(schemas: readonly string[], thread?: string): string {
  const recorded = `select thread_id, tool_call_id, agent, tool, args, result, error, status, started_at,
       duration_ms from agent_ops.tool_call${thread ? ` where thread_id = ${thread}` : ""}`;
  if (schemas.length === 0) return recorded;
  const read = schemas.map((schema) => `(${schemaToolCallsSql(schema, thread)})`).join("\nunion all\n");
  return `${recorded}
  union all
  select x.thread_id, x.tool_call_id, coalesce(r.agent, x.graph, 'unnamed graph') as agent, x.tool, x.args,
         case when x.status = 'ok' then to_jsonb(x.output) end as result,
         case when x.status = 'error' then x.output end as error,
         x.status, x.started_at, x.duration_ms
    from (${read}) x
    left join agent_ops.agent_run r on r.thread_id = x.thread_id
   where not exists (select 1 from agent_ops.tool_call k
                      where k.thread_id = x.thread_id and k.tool_call_id = x.tool_call_id)`;
}
