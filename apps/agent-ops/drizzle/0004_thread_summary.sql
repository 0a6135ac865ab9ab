CREATE TABLE "agent_ops"."thread_summary" (
	"thread_id" text PRIMARY KEY NOT NULL,
	"checkpoint_schema" text,
	"kit_run" boolean NOT NULL,
	"agent" text,
	"model" text,
	"request" text,
	"status" text NOT NULL,
	"error" text,
	"started_by" text,
	"started_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"step" integer,
	"nodes" text[] DEFAULT '{}'::text[] NOT NULL,
	"tool_calls" integer DEFAULT 0 NOT NULL,
	"tool_errors" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "thread_summary_status_check" CHECK ("agent_ops"."thread_summary"."status" in ('running','interrupted','completed','failed'))
);
--> statement-breakpoint
CREATE INDEX "thread_summary_started_idx" ON "agent_ops"."thread_summary" USING btree ("started_at","thread_id");--> statement-breakpoint
CREATE INDEX "thread_summary_duration_idx" ON "agent_ops"."thread_summary" USING btree (("updated_at" - "started_at"),"thread_id");--> statement-breakpoint
CREATE INDEX "thread_summary_tool_errors_idx" ON "agent_ops"."thread_summary" USING btree ("tool_errors","thread_id");--> statement-breakpoint
CREATE INDEX "thread_summary_agent_sort_idx" ON "agent_ops"."thread_summary" USING btree (coalesce("agent", ''),"thread_id");--> statement-breakpoint
CREATE INDEX "thread_summary_status_sort_idx" ON "agent_ops"."thread_summary" USING btree ("status","thread_id");--> statement-breakpoint
CREATE INDEX "thread_summary_agent_idx" ON "agent_ops"."thread_summary" USING btree ("agent","started_at","thread_id");--> statement-breakpoint
CREATE INDEX "thread_summary_status_idx" ON "agent_ops"."thread_summary" USING btree ("status","started_at","thread_id");--> statement-breakpoint
CREATE INDEX "thread_summary_with_errors_idx" ON "agent_ops"."thread_summary" USING btree ("started_at","thread_id") WHERE "agent_ops"."thread_summary"."tool_errors" > 0;--> statement-breakpoint
-- Backfill (apps/agent-ops/ARCHITECTURE.md, "The threads list at scale"): one summary row per existing thread,
-- computed as refreshThreadSummary does (this is that SQL as it stood when the table was added). The
-- kit's checkpoint tables exist once its saver ran setup(); before that, threads are run records only.
DO $backfill$
BEGIN
  IF to_regclass('agent_checkpoints.checkpoints') IS NOT NULL
     AND to_regclass('agent_checkpoints.checkpoint_writes') IS NOT NULL
     AND to_regclass('agent_checkpoints.checkpoint_blobs') IS NOT NULL THEN
    EXECUTE $sql$
INSERT INTO "agent_ops"."thread_summary" (thread_id, checkpoint_schema, kit_run, agent, model, request, status, error,
  started_by, started_at, updated_at, step, nodes, tool_calls, tool_errors)
  with ck as ((select 'agent_checkpoints'::text as checkpoint_schema, f.thread_id, f.started_at, f.updated_at,
       coalesce(last.metadata->>'graph_id', last.metadata->>'assistant_id') as graph,
       (last.metadata->>'step')::int as step, ran.nodes, req.request, last.checkpoint_id as last_checkpoint_id,
       case when exists (select 1 from "agent_checkpoints".checkpoint_writes w where w.thread_id = last.thread_id
     and w.checkpoint_ns = last.checkpoint_ns and w.checkpoint_id = last.checkpoint_id and w.channel = '__error__') then 'failed'
            when exists (select 1 from "agent_checkpoints".checkpoint_writes w where w.thread_id = last.thread_id
     and w.checkpoint_ns = last.checkpoint_ns and w.checkpoint_id = last.checkpoint_id and w.channel = '__interrupt__') and not exists (select 1 from "agent_checkpoints".checkpoint_writes w where w.thread_id = last.thread_id
     and w.checkpoint_ns = last.checkpoint_ns and w.checkpoint_id = last.checkpoint_id and w.channel = '__resume__') then 'interrupted'
            when exists (select 1 from jsonb_each(last.checkpoint->'channel_versions') cv
     join "agent_checkpoints".checkpoint_blobs b on b.thread_id = last.thread_id and b.checkpoint_ns = last.checkpoint_ns
                                 and b.channel = cv.key and b.version = cv.value #>> '{}' and b.type <> 'empty'
    where (cv.key = '__start__' or cv.key like 'branch:to:%')
      and cv.value > coalesce(last.checkpoint->'versions_seen'
            -> (case cv.key when '__start__' then '__start__' else substr(cv.key, 11) end) -> cv.key, 'null'::jsonb)) then 'running'
            else 'completed' end as status
  from (select thread_id, min((checkpoint->>'ts')::timestamptz) as started_at,
               max((checkpoint->>'ts')::timestamptz) as updated_at
          from "agent_checkpoints".checkpoints where checkpoint_ns = '' group by thread_id) f
  cross join lateral (select c.* from "agent_checkpoints".checkpoints c where c.thread_id = f.thread_id and c.checkpoint_ns = ''
                       order by c.checkpoint_id desc limit 1) last
  left join lateral (select p.checkpoint->'versions_seen' as seen from "agent_checkpoints".checkpoints p
                      where p.thread_id = f.thread_id and p.checkpoint_ns = ''
                        and p.checkpoint_id = last.parent_checkpoint_id) prev on true
  cross join lateral (select coalesce(array_agg(e.key order by e.key), '{}') as nodes
                        from jsonb_each(coalesce(last.checkpoint->'versions_seen', '{}'::jsonb)) e
                       where left(e.key, 2) <> '__' and (prev.seen -> e.key) is distinct from e.value) ran
  left join lateral (select (case jsonb_typeof((m->'kwargs'->'content')) when 'string' then (m->'kwargs'->'content') #>> '{}'
    when 'array' then (select string_agg(p->>'text', ' ') from jsonb_array_elements((m->'kwargs'->'content')) p where p->>'type' = 'text')
    else (m->'kwargs'->'content')::text end) as request
                       from "agent_checkpoints".checkpoint_blobs b, jsonb_array_elements(agent_ops.checkpoint_messages(b.blob, b.type)) with ordinality as e(m, i)
                      where b.thread_id = f.thread_id and b.checkpoint_ns = '' and b.channel = 'messages'
                        and b.version = last.checkpoint->'channel_versions'->>'messages'
                        and m->'id'->>2 = 'HumanMessage'
                      order by e.i limit 1) req on true)),
  calls as (select thread_id, tool_call_id, agent, tool, args, result, error, status, started_at,
       duration_ms from agent_ops.tool_call
  union all
  select x.thread_id, x.tool_call_id, coalesce(r.agent, x.graph, 'unnamed graph') as agent, x.tool, x.args,
         case when x.status = 'ok' then to_jsonb(x.output) end as result,
         case when x.status = 'error' then x.output end as error,
         x.status, x.started_at, x.duration_ms
    from ((select distinct on (w.thread_id, m->'kwargs'->>'tool_call_id')
       w.thread_id, m->'kwargs'->>'tool_call_id' as tool_call_id,
       coalesce(m->'kwargs'->>'name', 'unnamed tool') as tool,
       case when m->'kwargs'->>'status' = 'error' then 'error' else 'ok' end as status,
       (case jsonb_typeof((m->'kwargs'->'content')) when 'string' then (m->'kwargs'->'content') #>> '{}'
    when 'array' then (select string_agg(p->>'text', ' ') from jsonb_array_elements((m->'kwargs'->'content')) p where p->>'type' = 'text')
    else (m->'kwargs'->'content')::text end) as output,
       (c.checkpoint->>'ts')::timestamptz as started_at,
       greatest(0, round(extract(epoch from (nxt.ts - (c.checkpoint->>'ts')::timestamptz)) * 1000))::int as duration_ms,
       coalesce(args.args, '{}'::jsonb) as args,
       graph.graph
  from "agent_checkpoints".checkpoint_writes w
  join "agent_checkpoints".checkpoints c on c.thread_id = w.thread_id and c.checkpoint_ns = w.checkpoint_ns
                         and c.checkpoint_id = w.checkpoint_id
  cross join lateral jsonb_array_elements(agent_ops.checkpoint_messages(w.blob, w.type)) with ordinality as e(m, i)
  left join lateral (select min((n.checkpoint->>'ts')::timestamptz) as ts from "agent_checkpoints".checkpoints n
                      where n.thread_id = w.thread_id and n.checkpoint_ns = w.checkpoint_ns
                        and n.parent_checkpoint_id = w.checkpoint_id) nxt on true
  left join lateral (select tc->'args' as args
                       from "agent_checkpoints".checkpoint_writes aw, jsonb_array_elements(agent_ops.checkpoint_messages(aw.blob, aw.type)) with ordinality as ae(am, ai),
                            jsonb_array_elements(case jsonb_typeof(am->'kwargs'->'tool_calls')
                                                 when 'array' then am->'kwargs'->'tool_calls' else '[]' end) tc
                      where aw.thread_id = w.thread_id and aw.channel = 'messages'
                        and tc->>'id' = m->'kwargs'->>'tool_call_id'
                      order by aw.checkpoint_id desc limit 1) args on true
  left join lateral (select coalesce(r.metadata->>'graph_id', r.metadata->>'assistant_id') as graph
                       from "agent_checkpoints".checkpoints r where r.thread_id = w.thread_id and r.checkpoint_ns = ''
                      order by r.checkpoint_id desc limit 1) graph on true
 where w.channel = 'messages' and m->'id'->>2 = 'ToolMessage' and m->'kwargs'->>'tool_call_id' is not null
 order by w.thread_id, m->'kwargs'->>'tool_call_id', w.checkpoint_id desc)) x
    left join agent_ops.agent_run r on r.thread_id = x.thread_id
   where not exists (select 1 from agent_ops.tool_call k
                      where k.thread_id = x.thread_id and k.tool_call_id = x.tool_call_id))
  select coalesce(r.thread_id, ck.thread_id) as thread_id, ck.checkpoint_schema, r.thread_id is not null as kit_run,
         coalesce(r.agent, ck.graph) as agent, r.model, coalesce(r.request, ck.request) as request,
         coalesce(r.status, ck.status) as status, r.error, r.started_by,
         coalesce(r.started_at, ck.started_at) as started_at, coalesce(r.updated_at, ck.updated_at) as updated_at,
         ck.step, coalesce(ck.nodes, '{}') as nodes,
         coalesce(tc.calls, 0) as tool_calls, coalesce(tc.errors, 0) as tool_errors
    from (select * from agent_ops.agent_run) r full join ck on ck.thread_id = r.thread_id
    left join lateral (select count(*)::int as calls, (count(*) filter (where c.status = 'error'))::int as errors
                         from calls c where c.thread_id = coalesce(r.thread_id, ck.thread_id)) tc on true
    $sql$;
  ELSE
    EXECUTE $sql$
INSERT INTO "agent_ops"."thread_summary" (thread_id, checkpoint_schema, kit_run, agent, model, request, status, error,
  started_by, started_at, updated_at, step, nodes, tool_calls, tool_errors)
  with ck as (select null::text as checkpoint_schema, null::text as thread_id, null::timestamptz as started_at,
      null::timestamptz as updated_at, null::text as graph, null::int as step, '{}'::text[] as nodes,
      null::text as request, null::text as last_checkpoint_id, null::text as status where false),
  calls as (select thread_id, tool_call_id, agent, tool, args, result, error, status, started_at,
       duration_ms from agent_ops.tool_call)
  select coalesce(r.thread_id, ck.thread_id) as thread_id, ck.checkpoint_schema, r.thread_id is not null as kit_run,
         coalesce(r.agent, ck.graph) as agent, r.model, coalesce(r.request, ck.request) as request,
         coalesce(r.status, ck.status) as status, r.error, r.started_by,
         coalesce(r.started_at, ck.started_at) as started_at, coalesce(r.updated_at, ck.updated_at) as updated_at,
         ck.step, coalesce(ck.nodes, '{}') as nodes,
         coalesce(tc.calls, 0) as tool_calls, coalesce(tc.errors, 0) as tool_errors
    from (select * from agent_ops.agent_run) r full join ck on ck.thread_id = r.thread_id
    left join lateral (select count(*)::int as calls, (count(*) filter (where c.status = 'error'))::int as errors
                         from calls c where c.thread_id = coalesce(r.thread_id, ck.thread_id)) tc on true
    $sql$;
  END IF;
END
$backfill$;
