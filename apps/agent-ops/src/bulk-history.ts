import type pg from "pg";
import { refreshAllThreadSummaries } from "./domain/runs/thread-summary.ts";

const BATCH = 50_000;

/**
 * A past history at scale, written in bulk for the threads list to be measured and used at its size:
 * `threads` finished runs of both agents over the year before today (85% completed, 15% failed; every third
 * with one to four tool calls, all but one failed), their tool calls, then their summaries computed by
 * the kit's own summary code. The runs were not executed, so they have no checkpoints (their pages show
 * the run record and its tool calls, no timeline). Thread ids carry the seed, so a second run adds nothing.
 */
export async function loadBulkHistory(
  pool: pg.Pool,
  options: { threads: number; seed: number; log: (line: string) => void },
): Promise<number> {
  const thread = `'thread-history-${options.seed}-' || lpad(i::text, 7, '0')`;
  const agent = `(array['customer-support','risk-triage'])[1 + i % 2]`;
  // Spread over the year before today (day-aligned, so a load on the same day writes the same rows).
  const started = `date_trunc('day', now()) - interval '365 days' + (i::bigint * 31536000 / $3::bigint) * interval '1 second'`;
  let added = 0;
  for (let first = 1; first <= options.threads; first += BATCH) {
    const last = Math.min(options.threads, first + BATCH - 1);
    const runs = await pool.query(
      `insert into agent_ops.agent_run (thread_id, agent, model, request, status, error, started_by, started_at, updated_at)
       select ${thread}, ${agent}, 'Scripted demo model (deterministic, no LLM bound)',
              case when i % 2 = 0 then 'Refund order ORD-' || (1000 + (i * 7 + $4::int) % 9000) || ', it arrived broken'
                   else 'Triage entity E' || lpad(((i * 13 + $4::int) % 250000)::text, 7, '0') end,
              case when i % 20 < 3 then 'failed' else 'completed' end,
              case when i % 20 < 3 then 'The order lookup timed out' end,
              'olga.operator@example.com', ${started}, ${started} + (4 + i % 90) * interval '1 second'
         from generate_series($1::int, $2::int) i
       on conflict (thread_id) do nothing`,
      [first, last, options.threads, options.seed],
    );
    added += runs.rowCount ?? 0;
    await pool.query(
      `insert into agent_ops.tool_call (thread_id, tool_call_id, agent, tool, args, result, error, status, started_at, duration_ms)
       select ${thread}, 'call-' || j, ${agent}, case when i % 2 = 0 then 'lookup_order' else 'entity_alerts' end, '{}',
              case when j = 0 then '"found"'::jsonb end, case when j > 0 then 'timed out' end,
              case when j > 0 then 'error' else 'ok' end, ${started}, 40 + j
         from generate_series($1::int, $2::int) i, generate_series(0, i % 4) j
        where i % 3 = 0
       on conflict do nothing`,
      [first, last, options.threads],
    );
    options.log(`past threads: ${last.toLocaleString("en-US")}/${options.threads.toLocaleString("en-US")}`);
  }
  options.log("past threads: summarising");
  await refreshAllThreadSummaries(pool);
  await pool.query("analyze agent_ops.thread_summary");
  return added;
}
