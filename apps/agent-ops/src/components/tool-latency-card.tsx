import type { HistogramBin } from "@appbase/ui/charts";
import { HistogramChart } from "@appbase/ui/charts";
import { Card } from "@appbase/ui/layout";
import { Stat } from "@appbase/ui/stats";
import type { ToolStats } from "../domain/tool-calls/tool-stats.ts";
import "./thread-views.css";

/** One tool's calls, error rate and latency percentiles, with its latency histogram. */
export function ToolLatencyCard({
  stats,
  bins,
  failuresHref,
}: {
  stats: ToolStats;
  bins: readonly HistogramBin[];
  failuresHref: string;
}) {
  return (
    <Card
      title={<code>{stats.tool}</code>}
      subtitle={`Used by ${stats.agents.join(", ")}`}
      actions={stats.errors > 0 ? <a href={failuresHref}>Failures</a> : null}
    >
      <section aria-label={`Tool ${stats.tool}`} data-testid="tool-card">
        <div className="ao-stats-row">
          <Stat label="Calls" value={stats.calls} />
          <Stat label="Error rate" value={stats.errorRate} format="percent" />
          <Stat label="p50" value={stats.p50Ms} format="ms" />
          <Stat label="p95" value={stats.p95Ms} format="ms" />
          <Stat label="Max" value={stats.maxMs} format="ms" />
        </div>
        <HistogramChart
          title="Latency distribution"
          description={`${stats.calls.toLocaleString("en-US")} calls; duration recorded by the tool wrapper`}
          bins={bins}
          valueFormat="ms"
          height={180}
        />
      </section>
    </Card>
  );
}
