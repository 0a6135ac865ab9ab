import { tableParams } from "@appbase/next-kit/query";
import { Banner } from "@appbase/ui/badges";
import { DataTable } from "@appbase/ui/data-table";
import { PageHeader } from "@appbase/ui/shell";
import { EmptyState } from "@appbase/ui/states";
import { StartRunForm } from "../../components/start-run-form.tsx";
import { threadColumns } from "../../components/thread-list-columns.tsx";
import { listRunAgents, listRuns, threadTableSpec } from "../../domain/runs/list-runs.ts";
import { refreshStaleThreadSummaries } from "../../domain/runs/thread-summary.ts";
import { boundCheckpointSchemas } from "../../server/checkpoints.ts";
import { can, db, pageViewer } from "../../server/kit.ts";

export const dynamic = "force-dynamic";

/** Every conversation of the kit's agents: filter, search, sort and page in the URL; operators start runs here. */
export default async function ThreadsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { identity, refusal } = await pageViewer("run.read", "agent runs");
  if (refusal) return refusal;
  const pool = await db();
  const { schemas, missing } = await boundCheckpointSchemas(pool);
  // Threads another program wrote into the kit's checkpoint schema since the last view.
  await refreshStaleThreadSummaries(pool);
  const spec = threadTableSpec(await listRunAgents(pool, schemas));
  const params = tableParams(await searchParams, spec);
  const page = await listRuns(pool, params, schemas);
  return (
    <>
      <PageHeader
        title="Threads"
        description={`Every LangGraph thread in the checkpoint schemas ${schemas.join(", ")}, whoever wrote it: status, last checkpoint step, tool errors from its tool messages, duration; the kit's own runs add their agent, model and who started them.`}
      />
      {missing.length > 0 ? (
        <Banner tone="warning" title="Checkpoint schema not found">
          {`AGENT_CHECKPOINT_SCHEMAS names ${missing.join(", ")}, which has no LangGraph checkpoint tables in this database; check the name, or run the program's PostgresSaver.setup() there.`}
        </Banner>
      ) : null}
      {can(identity, "agent.pause") ? <StartRunForm /> : null}
      <DataTable
        caption="Threads"
        columns={threadColumns}
        rows={page.rows}
        rowKey={(r) => r.threadId}
        rowHref={(r) => `/threads/${encodeURIComponent(r.threadId)}`}
        spec={spec}
        params={params}
        total={page.total}
        totalEstimated={page.estimated}
        keyset={{ next: page.next, prev: page.prev }}
        basePath="/threads"
        search="Search thread id or request text"
        noun="threads"
        empty={
          <EmptyState
            compact
            title="No threads yet"
            description="Start a demo run above; `appbase up` also seeds a demo history by running the agents."
          />
        }
      />
    </>
  );
}
