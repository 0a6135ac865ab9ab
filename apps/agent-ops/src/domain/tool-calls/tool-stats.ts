import type { Queryable } from "@appbase/db";
import type { HistogramBin } from "@appbase/ui/charts";
import { allToolCallsSql } from "../checkpoints/checkpoint-tool-calls.ts";

/**
 * Calls, errors and latency of one tool over a window: the kit's recorded calls and every other thread's
 * calls read from the checkpoint schemas (see `allToolCallsSql`).
 */
export interface ToolStats {
  tool: string;
  agents: string[];
  calls: number;
  errors: number;
  /** errors / calls, 0..1. */
  errorRate: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  lastCallAt: Date;
}

/** Per-tool aggregates since `since` (all time when null), busiest tool first. Percentiles interpolate. */
export async function toolCallStats(
  db: Queryable,
  since: Date | null,
  schemas: readonly string[],
): Promise<ToolStats[]> {
  const { rows } = await db.query<{
    tool: string;
    agents: string[];
    calls: number;
    errors: number;
    // Null when no call of the tool has finished (a step still running has no end time yet).
    p50: number | null;
    p95: number | null;
    max: number | null;
    last_at: Date;
  }>(
    `select tool, array_agg(distinct agent order by agent) as agents, count(*)::int as calls,
            (count(*) filter (where status = 'error'))::int as errors,
            percentile_cont(0.5) within group (order by duration_ms) as p50,
            percentile_cont(0.95) within group (order by duration_ms) as p95,
            max(duration_ms) as max, max(started_at) as last_at
       from (${allToolCallsSql(schemas)}) calls
      where $1::timestamptz is null or started_at >= $1
      group by tool
      order by calls desc, tool`,
    [since],
  );
  return rows.map((r) => ({
    tool: r.tool,
    agents: r.agents,
    calls: r.calls,
    errors: r.errors,
    errorRate: r.calls === 0 ? 0 : r.errors / r.calls,
    p50Ms: Number(r.p50 ?? 0),
    p95Ms: Number(r.p95 ?? 0),
    maxMs: Number(r.max ?? 0),
    lastCallAt: r.last_at,
  }));
}

/**
 * Latency histograms per tool: `bins` equal-width integer-millisecond bins from 0 to the tool's
 * slowest call, counted in SQL so only the bins leave the database.
 */
export async function latencyHistograms(
  db: Queryable,
  since: Date | null,
  schemas: readonly string[],
  bins = 12,
): Promise<Map<string, HistogramBin[]>> {
  const { rows } = await db.query<{ tool: string; width: number; bucket: number; count: number }>(
    `with calls as (
       select tool, duration_ms from (${allToolCallsSql(schemas)}) recorded
        where ($1::timestamptz is null or started_at >= $1) and duration_ms is not null
     ), widths as (
       select tool, greatest(1, ceil((max(duration_ms) + 1)::numeric / $2))::int as width from calls group by tool
     )
     select c.tool, w.width, (c.duration_ms / w.width)::int as bucket, count(*)::int as count
       from calls c join widths w using (tool)
      group by c.tool, w.width, bucket
      order by c.tool, bucket`,
    [since, bins],
  );
  const histograms = new Map<string, HistogramBin[]>();
  for (const row of rows) {
    const list = histograms.get(row.tool) ?? [];
    // Empty bins between filled ones are real (nothing took that long), so they are kept as zeros.
    for (let b = list.length; b <= row.bucket; b++) {
      list.push({ start: b * row.width, end: (b + 1) * row.width, count: 0 });
    }
    const bin = list[row.bucket];
    if (bin) bin.count = row.count;
    histograms.set(row.tool, list);
  }
  return histograms;
}
