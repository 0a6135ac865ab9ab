import { Card } from "@appbase/ui/layout";
import { PageHeader } from "@appbase/ui/shell";
import { EmptyState } from "@appbase/ui/states";
import { type FigureColumn, FiguresTable } from "@appbase/ui/stats";
import { z } from "zod";
import { formatDuration } from "../../components/thread-format.ts";
import { WindowLinks } from "../../components/window-links.tsx";
import { toolWindowSchema, WINDOW_LABEL, windowStart } from "../../domain/tool-calls/tool-window.ts";
import { type UsageRow, usageByDay } from "../../domain/usage/model-usage.ts";
import { db, pageViewer } from "../../server/kit.ts";
import { PlatformUsageSection } from "./platform-usage-section.tsx";

export const dynamic = "force-dynamic";

const querySchema = z.object({ window: toolWindowSchema });
const count = (n: number) => n.toLocaleString("en-US");

const USAGE_COLUMNS: FigureColumn<UsageRow>[] = [
  { header: "Day (UTC)", cell: (r) => r.day },
  { header: "Agent", cell: (r) => r.agent },
  { header: "Model", cell: (r) => r.model },
  { header: "User", cell: (r) => r.user },
  { header: "Calls", cell: (r) => count(r.calls) },
  { header: "Errors", cell: (r) => count(r.errors) },
  { header: "Tokens in", cell: (r) => count(r.inputTokens) },
  {
    header: "Tokens out",
    cell: (r) => (
      <>
        {count(r.outputTokens)}
        {r.unreported > 0 ? (
          <span className="ab-muted"> ({count(r.unreported)} calls reported no tokens)</span>
        ) : null}
      </>
    ),
  },
  {
    header: "Latency p50 / max",
    cell: (r) => `${formatDuration(r.p50LatencyMs)} / ${formatDuration(r.maxLatencyMs)}`,
  },
];

/**
 * Model calls per day, agent, model and user as the kit recorded them (calls, errors, tokens in and
 * out, latency), beside the platform's own figures for the bound serving endpoint.
 */
export default async function UsagePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { refusal } = await pageViewer("run.read", "agent runs");
  if (refusal) return refusal;
  const query = querySchema.parse(await searchParams);
  const since = windowStart(query.window, new Date());
  const rows = await usageByDay(await db(), since);
  const total = rows.reduce(
    (sum, r) => ({
      calls: sum.calls + r.calls,
      errors: sum.errors + r.errors,
      input: sum.input + r.inputTokens,
      output: sum.output + r.outputTokens,
    }),
    { calls: 0, errors: 0, input: 0, output: 0 },
  );
  return (
    <>
      <PageHeader
        title="Model usage"
        description="Every call of the agents' models as the kit recorded it (tokens in and out as the model reported them, latency and errors, per day, agent, model and the person whose run it was), and the serving endpoint's own figures where its AI Gateway keeps them."
      />
      <WindowLinks current={query.window} href={(w) => (w === "7d" ? "/usage" : `/usage?window=${w}`)} />
      {rows.length === 0 ? (
        <EmptyState
          title={`No model calls in ${WINDOW_LABEL[query.window].toLowerCase()}`}
          description="Model calls are recorded as agents run; start a run from Threads."
        />
      ) : (
        <Card
          title="App records: per day (agent_ops.model_call)"
          subtitle={`${count(total.calls)} calls, ${count(total.errors)} failed, ${count(total.input)} tokens in, ${count(total.output)} tokens out`}
        >
          <FiguresTable
            label="Model usage per day"
            className="ao-checkpoint-table"
            columns={USAGE_COLUMNS}
            rows={rows}
            rowKey={(r) => `${r.day}/${r.agent}/${r.model}/${r.user}`}
            rowTestId="usage-row"
          />
        </Card>
      )}
      <PlatformUsageSection since={since} appCalls={total.calls} />
    </>
  );
}
