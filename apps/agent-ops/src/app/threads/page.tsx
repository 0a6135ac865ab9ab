import { StatusBadge } from "@appbase/ui/badges";
import { PageHeader } from "@appbase/ui/shell";
import Link from "next/link";
import { z } from "zod";
import { StartRunForm } from "../../components/start-run-form.tsx";
import { SCRIPTED_MODEL_LABEL } from "../../domain/agents/scripted-model.ts";
import { listRuns } from "../../domain/runs/list-runs.ts";
import { db } from "../../server/db.ts";
import { can } from "../../server/kit.ts";
import { runReader } from "../../server/page-identity.tsx";

export const dynamic = "force-dynamic";

const TONE = { running: "info", interrupted: "warning", completed: "success", failed: "danger" } as const;
const filterSchema = z.object({
  status: z.enum(["running", "interrupted", "completed", "failed"]).optional().catch(undefined),
  q: z.string().max(200).optional().catch(undefined),
});

/** Conversations of the demo agents with status, reviews and tool errors; operators start runs here. */
export default async function ThreadsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string>>;
}) {
  const { identity, refusal } = await runReader();
  if (refusal) return refusal;
  const filter = filterSchema.parse(await searchParams);
  const runs = await listRuns(await db(), {
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.q ? { search: filter.q } : {}),
  });
  return (
    <>
      <PageHeader
        title="Threads"
        description={`Runs of the customer-support demo agent. Model: ${SCRIPTED_MODEL_LABEL}.`}
      />
      {can(identity, "agent.pause") ? <StartRunForm /> : null}
      <form className="ao-row" method="get" aria-label="Filter threads">
        <input
          className="ab-input"
          name="q"
          placeholder="Search request or thread id"
          defaultValue={filter.q ?? ""}
        />
        <select className="ab-input" name="status" defaultValue={filter.status ?? ""}>
          <option value="">Any status</option>
          <option value="interrupted">interrupted</option>
          <option value="completed">completed</option>
          <option value="failed">failed</option>
          <option value="running">running</option>
        </select>
        <button className="ab-button ab-button--secondary" type="submit">
          Filter
        </button>
      </form>
      <table className="ao-table" aria-label="Threads">
        <thead>
          <tr>
            <th>Thread</th>
            <th>Agent</th>
            <th>Request</th>
            <th>Status</th>
            <th>Open reviews</th>
            <th>Tool errors</th>
            <th>Duration</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => (
            <tr key={r.threadId}>
              <td>
                <Link href={`/threads/${r.threadId}`}>{r.threadId}</Link>
              </td>
              <td>{r.agent}</td>
              <td>{r.request}</td>
              <td>
                <StatusBadge tone={TONE[r.status]}>{r.status}</StatusBadge>
              </td>
              <td>{r.openReviews}</td>
              <td>{r.toolErrors}</td>
              <td>{(r.durationMs / 1000).toFixed(1)} s</td>
            </tr>
          ))}
        </tbody>
      </table>
      {runs.length === 0 ? <p className="ab-muted">No threads yet.</p> : null}
    </>
  );
}
