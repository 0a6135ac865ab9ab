import { StatusBadge } from "@appbase/ui/badges";
import { Card } from "@appbase/ui/layout";
import { PageHeader } from "@appbase/ui/shell";
import { EmptyState } from "@appbase/ui/states";
import { SCRIPTED_MODEL_LABEL } from "../../../domain/agents/scripted-model.ts";
import { listAssessmentHandoffs } from "../../../domain/evaluation/assessment-handoff.ts";
import { checkpointerFor } from "../../../domain/runs/checkpointer.ts";
import { listRuns } from "../../../domain/runs/list-runs.ts";
import { readTimeline, type TimelineEntry } from "../../../domain/timeline/timeline.ts";
import { db } from "../../../server/db.ts";
import { runReader } from "../../../server/page-identity.tsx";

export const dynamic = "force-dynamic";

function Entry({ entry }: { entry: TimelineEntry }) {
  switch (entry.kind) {
    case "message":
      return (
        <li className="ao-entry">
          <strong>{entry.role === "ai" ? "Agent" : entry.role === "human" ? "Customer" : "System"}:</strong>{" "}
          {entry.text}
        </li>
      );
    case "tool-call":
      return (
        <li className="ao-entry" data-testid="tool-call">
          <strong>Tool {entry.call.name}</strong> <code>{JSON.stringify(entry.call.args)}</code> →{" "}
          <StatusBadge
            tone={
              entry.call.status === "ok" ? "success" : entry.call.status === "error" ? "danger" : "warning"
            }
          >
            {entry.call.status}
          </StatusBadge>{" "}
          <span data-testid="tool-result">{entry.call.result ?? "(no result yet)"}</span>
        </li>
      );
    case "interrupt":
      return (
        <li className="ao-entry">
          <strong>Paused for human review:</strong> <code>{JSON.stringify(entry.value)}</code>
        </li>
      );
    case "resume":
      return (
        <li className="ao-entry">
          <strong>Resumed with:</strong> <code>{JSON.stringify(entry.value)}</code>
        </li>
      );
  }
}

/** One thread reconstructed from its LangGraph checkpoints, with the evaluation handoffs of its reviews. */
export default async function ThreadPage({ params }: { params: Promise<{ threadId: string }> }) {
  const { refusal } = await runReader();
  if (refusal) return refusal;
  const { threadId } = await params;
  const pool = await db();
  const [run] = await listRuns(pool, { search: threadId, limit: 1 });
  const timeline = await readTimeline(await checkpointerFor(pool), threadId);
  const handoffs = await listAssessmentHandoffs(pool, { threadId });
  return (
    <>
      <PageHeader
        title={`Thread ${threadId}`}
        description={
          run ? `${run.agent} · started by ${run.startedBy}` : "A thread not started from this kit"
        }
        actions={run ? <StatusBadge tone="info">{`Status: ${run.status}`}</StatusBadge> : null}
      />
      <p className="ab-muted">Model: {run?.model ?? SCRIPTED_MODEL_LABEL}</p>
      <Card title="Timeline" subtitle={`${timeline.checkpoints.length} checkpoints in agent_checkpoints`}>
        {timeline.entries.length === 0 ? (
          <EmptyState title="No checkpoints for this thread" />
        ) : (
          <ol className="ao-timeline" aria-label="Timeline">
            {timeline.entries.map((entry, i) => (
              // Entries have no id of their own; their order is the thread's order.
              <Entry key={i} entry={entry} />
            ))}
          </ol>
        )}
      </Card>
      <Card title="Evaluation handoff" subtitle="MLflow assessments, one per review decision">
        {handoffs.length === 0 ? (
          <p className="ab-muted">No decisions on this thread yet.</p>
        ) : (
          handoffs.map((h) => (
            <section key={h.reviewItemId} aria-label="Assessment payload">
              <p>
                {h.status === "unbound"
                  ? "Pending: no MLflow experiment is bound, so this assessment has not been sent. Payload:"
                  : `Status: ${h.status}${h.assessmentId ? ` (assessment ${h.assessmentId})` : ""}`}
              </p>
              <pre className="ao-pre">{JSON.stringify(h.payload, null, 2)}</pre>
            </section>
          ))
        )}
      </Card>
      <Card title="Checkpoints">
        <ol className="ao-checkpoints">
          {timeline.checkpoints.map((c) => (
            <li key={c.id}>
              step {c.step} · {c.source} · {c.messageCount} messages · {c.at}
            </li>
          ))}
        </ol>
      </Card>
    </>
  );
}
