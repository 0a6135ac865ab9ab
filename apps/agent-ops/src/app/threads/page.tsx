import { DataTable, parseTableParams } from "@appbase/ui/data-table";
import { PageHeader } from "@appbase/ui/shell";
import { EmptyState } from "@appbase/ui/states";
import { StartRunForm } from "../../components/start-run-form.tsx";
import { threadColumns } from "../../components/thread-list-columns.tsx";
import { checkpointerFor } from "../../domain/runs/checkpointer.ts";
import { listRunAgents, listRuns, threadTableSpec } from "../../domain/runs/list-runs.ts";
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
  // The list reads the checkpoint tables; they exist from the saver's setup, even before the first run.
  await checkpointerFor(pool);
  const spec = threadTableSpec(await listRunAgents(pool));
  const params = parseTableParams(await searchParams, spec);
  const page = await listRuns(pool, params);
  return (
    <>
      <PageHeader
        title="Threads"
        description="Every conversation of the kit's agents: status, last checkpoint step, tool errors from the recorded tool calls, duration and which model ran it."
      />
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
