import type { PageSet } from "../page-ttfb.ts";
import { count, loadInBatches, nextCursorIn } from "./shared.ts";

// Thread i: started i minutes before now, one of the two agents, a quarter each running, interrupted,
// completed and failed; every third with 1-4 tool calls of which 0-3 failed.
const THREAD = `'thread-bench-' || lpad(i::text, 7, '0')`;
const AGENT = `(array['customer-support','risk-triage'])[1 + i % 2]`;
const STATUS = `(array['running','interrupted','completed','failed'])[1 + i % 4]`;
const STARTED = `now() - i * interval '1 minute'`;
const UPDATED = `now() - i * interval '1 minute' + (5 + i % 90) * interval '1 second'`;
const REQUEST = `'Refund order ORD-' || (1000 + i % 9000) || ' please'`;

/**
 * AI Agent Operations Center: `rows` threads of the kit's agents (run records, their tool calls, and
 * the summary rows the kit keeps beside them, as its writers would have left them); the threads list,
 * its next page, an agent, failed runs, longest first, with tool errors, and a thread's page.
 */
export const THREAD_PAGES: PageSet = {
  user: "olga",
  async load(db, rows, log) {
    log("runs");
    await loadInBatches(
      db,
      rows,
      `insert into agent_ops.agent_run (thread_id, agent, model, request, status, error, started_by, started_at, updated_at)
       select ${THREAD}, ${AGENT}, 'Scripted demo model (deterministic, no LLM bound)', ${REQUEST}, ${STATUS},
              case when i % 4 = 3 then 'The order lookup timed out' end, 'olga.operator@example.com',
              ${STARTED}, ${UPDATED}
         from generate_series($1::int, $2::int) i`,
      log,
    );
    log("tool calls");
    await loadInBatches(
      db,
      rows,
      `insert into agent_ops.tool_call (thread_id, tool_call_id, agent, tool, args, result, error, status, started_at, duration_ms)
       select ${THREAD}, 'call-' || j, ${AGENT}, 'lookup_order', '{}', case when j = 0 then '"found"'::jsonb end,
              case when j > 0 then 'archived' end, case when j > 0 then 'error' else 'ok' end, ${STARTED}, 40 + j
         from generate_series($1::int, $2::int) i, generate_series(0, i % 4) j
        where i % 3 = 0`,
      log,
    );
    log("thread summaries");
    await loadInBatches(
      db,
      rows,
      `insert into agent_ops.thread_summary (thread_id, checkpoint_schema, kit_run, agent, model, request, status, error,
              started_by, started_at, updated_at, step, nodes, tool_calls, tool_errors)
       select r.thread_id, null, true, r.agent, r.model, r.request, r.status, r.error, r.started_by, r.started_at,
              r.updated_at, null, '{}', coalesce(c.calls, 0), coalesce(c.errors, 0)
         from agent_ops.agent_run r
         left join lateral (select count(*)::int as calls, (count(*) filter (where t.status = 'error'))::int as errors
                              from agent_ops.tool_call t where t.thread_id = r.thread_id) c on true
        where r.thread_id between 'thread-bench-' || lpad($1::text, 7, '0') and 'thread-bench-' || lpad($2::text, 7, '0')`,
      log,
    );
    await db.pool.query("analyze agent_ops.agent_run");
    await db.pool.query("analyze agent_ops.tool_call");
    await db.pool.query("analyze agent_ops.thread_summary");
    return `${count(rows)} threads (${count(Math.floor(rows / 3))} with tool calls, ${count(Math.floor((rows + 1) / 4))} failed)`;
  },
  async pages(get) {
    const next = nextCursorIn(await get("/threads"), "/threads");
    return {
      "threads (first page)": "/threads",
      "threads (next page, keyset)": `/threads?after=${next}`,
      "one agent": "/threads?agent=risk-triage",
      failed: "/threads?status=failed",
      "longest first": "/threads?sort=duration_ms&dir=desc",
      "with tool errors": "/threads?errors=with",
      "thread detail": `/threads/thread-bench-${"1".padStart(7, "0")}`,
    };
  },
};
