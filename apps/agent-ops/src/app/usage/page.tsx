import { Card } from "@appbase/ui/layout";
import { PageHeader } from "@appbase/ui/shell";
import { EmptyState } from "@appbase/ui/states";
import { z } from "zod";
import { formatDuration } from "../../components/thread-format.ts";
import { WindowLinks } from "../../components/window-links.tsx";
import { toolWindowSchema, WINDOW_LABEL, windowStart } from "../../domain/tool-calls/tool-window.ts";
import { usageByDay } from "../../domain/usage/model-usage.ts";
import { db, pageViewer } from "../../server/kit.ts";
import { PlatformUsageSection } from "./platform-usage-section.tsx";

export const dynamic = "force-dynamic";

const querySchema = z.object({ window: toolWindowSchema });
const count = (n: number) => n.toLocaleString("en-US");

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
          <div className="ao-scroll-x">
            <table className="ao-checkpoint-table" aria-label="Model usage per day">
              <thead>
                <tr>
                  <th scope="col">Day (UTC)</th>
                  <th scope="col">Agent</th>
                  <th scope="col">Model</th>
                  <th scope="col">User</th>
                  <th scope="col">Calls</th>
                  <th scope="col">Errors</th>
                  <th scope="col">Tokens in</th>
                  <th scope="col">Tokens out</th>
                  <th scope="col">Latency p50 / max</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={`${r.day}/${r.agent}/${r.model}/${r.user}`} data-testid="usage-row">
                    <td>{r.day}</td>
                    <td>{r.agent}</td>
                    <td>{r.model}</td>
                    <td>{r.user}</td>
                    <td>{count(r.calls)}</td>
                    <td>{count(r.errors)}</td>
                    <td>{count(r.inputTokens)}</td>
                    <td>
                      {count(r.outputTokens)}
                      {r.unreported > 0 ? (
                        <span className="ab-muted"> ({count(r.unreported)} calls reported no tokens)</span>
                      ) : null}
                    </td>
                    <td>
                      {formatDuration(r.p50LatencyMs)} / {formatDuration(r.maxLatencyMs)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      )}
      <PlatformUsageSection since={since} appCalls={total.calls} />
    </>
  );
}
