import { plainText } from "@appbase/next-kit/fields";
import { Card } from "@appbase/ui/layout";
import { PageHeader } from "@appbase/ui/shell";
import { EmptyState } from "@appbase/ui/states";
import { z } from "zod";
import { ToolFailureTable } from "../../components/tool-failure-table.tsx";
import { ToolLatencyCard } from "../../components/tool-latency-card.tsx";
import { WindowLinks } from "../../components/window-links.tsx";
import { recentToolFailures } from "../../domain/tool-calls/tool-failures.ts";
import { latencyHistograms, toolCallStats } from "../../domain/tool-calls/tool-stats.ts";
import {
  type ToolWindow,
  toolWindowSchema,
  WINDOW_LABEL,
  windowStart,
} from "../../domain/tool-calls/tool-window.ts";
import { boundCheckpointSchemas } from "../../server/checkpoints.ts";
import { db, pageViewer } from "../../server/kit.ts";

export const dynamic = "force-dynamic";

const querySchema = z.object({
  window: toolWindowSchema,
  // A hostile or malformed tool filter is dropped (all tools), never handed to the database.
  tool: plainText("tool", 200, { min: 1 }).optional().catch(undefined),
});

function href(window: ToolWindow, tool?: string, hash = ""): string {
  const query = new URLSearchParams(window === "7d" ? {} : { window });
  if (tool) query.set("tool", tool);
  const text = query.toString();
  return `/tools${text ? `?${text}` : ""}${hash}`;
}

/** Per-tool calls, error rate and latency over a window, and the calls that failed, each linked to its step. */
export default async function ToolsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { refusal } = await pageViewer("run.read", "agent runs");
  if (refusal) return refusal;
  const query = querySchema.parse(await searchParams);
  const since = windowStart(query.window, new Date());
  const pool = await db();
  const { schemas } = await boundCheckpointSchemas(pool);
  const [stats, histograms, failures] = await Promise.all([
    toolCallStats(pool, since, schemas),
    latencyHistograms(pool, since, schemas),
    recentToolFailures(pool, { since, ...(query.tool ? { tool: query.tool } : {}), limit: 25 }, schemas),
  ]);
  return (
    <>
      <PageHeader
        title="Tool calls"
        description="Every tool call: those the kit's agents recorded, and every other thread's read from the tool messages in its checkpoints (latency from the checkpoint times). How often each tool runs, how often it fails, how long it takes."
      />
      <p>
        <a href="/usage">Model usage (tokens, latency and errors per agent, model and user) →</a>
      </p>
      <WindowLinks current={query.window} href={(w) => href(w, query.tool)} />
      {stats.length === 0 ? (
        <EmptyState
          title={`No tool calls in ${WINDOW_LABEL[query.window].toLowerCase()}`}
          description="Tool calls appear here as agents run. Start a run from Threads, or choose a longer window."
          {...(query.window === "all" ? {} : { action: { href: href("all"), label: "Show all time" } })}
        />
      ) : (
        <div className="ao-card-gap">
          <div className="ao-grid-2">
            {stats.map((s) => (
              <ToolLatencyCard
                key={s.tool}
                stats={s}
                bins={histograms.get(s.tool) ?? []}
                failuresHref={href(query.window, s.tool, "#failures")}
              />
            ))}
          </div>
          <section id="failures" aria-label="Failures">
            <Card
              title="Recent failures"
              subtitle={`${failures.total.toLocaleString("en-US")} failed ${query.tool ? `${query.tool} ` : ""}calls in ${WINDOW_LABEL[query.window].toLowerCase()}${failures.total > failures.rows.length ? `; the newest ${failures.rows.length} shown` : ""}`}
              actions={query.tool ? <a href={href(query.window, undefined, "#failures")}>All tools</a> : null}
            >
              {failures.rows.length === 0 ? (
                <p className="ab-muted">No failed calls in this window.</p>
              ) : (
                <ToolFailureTable failures={failures.rows} />
              )}
            </Card>
          </section>
        </div>
      )}
    </>
  );
}
