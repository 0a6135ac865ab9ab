import { KitEntityLink } from "@appbase/next-kit/kit-link";
import { Banner, StatusBadge } from "@appbase/ui/badges";
import { Card, DetailList } from "@appbase/ui/layout";
import { PageHeader } from "@appbase/ui/shell";
import { EmptyState } from "@appbase/ui/states";
import { z } from "zod";
import { CheckpointDiffView } from "../../../components/checkpoint-diff-view.tsx";
import { CheckpointPicker, checkpointLabel } from "../../../components/checkpoint-picker.tsx";
import { ForkForm } from "../../../components/fork-form.tsx";
import { LiveRefresh } from "../../../components/live-refresh.tsx";
import { formatDuration, formatInstant, nodeLabel } from "../../../components/thread-format.ts";
import { RUN_STATUS_TONE } from "../../../components/thread-list-columns.tsx";
import { ThreadSteps } from "../../../components/thread-steps.tsx";
import { threadFilings } from "../../../domain/agents/kit-filings.ts";
import { threadVersion } from "../../../domain/checkpoints/live-version.ts";
import { listAssessmentHandoffs } from "../../../domain/evaluation/assessment-handoff.ts";
import { CHECKPOINT_SCHEMA, checkpointReaderFor } from "../../../domain/runs/checkpointer.ts";
import { getRun } from "../../../domain/runs/list-runs.ts";
import { diffCheckpoints } from "../../../domain/timeline/checkpoint-diff.ts";
import { forkPoints } from "../../../domain/timeline/fork-points.ts";
import { loadThreadCheckpoints } from "../../../domain/timeline/thread-checkpoints.ts";
import { buildTimeline } from "../../../domain/timeline/timeline.ts";
import { toolCallTimings } from "../../../domain/tool-calls/thread-tool-calls.ts";
import { boundCheckpointSchemas } from "../../../server/checkpoints.ts";
import { db, pageViewer } from "../../../server/kit.ts";
import { linkTo } from "../../../server/links.ts";

export const dynamic = "force-dynamic";

const checkpointId = z.string().trim().min(1).max(100).optional().catch(undefined);
const querySchema = z.object({ from: checkpointId, to: checkpointId, call: checkpointId });

/** One thread rebuilt from its LangGraph checkpoints: timeline, checkpoint diff, and evaluation handoffs. */
export default async function ThreadPage({
  params,
  searchParams,
}: {
  params: Promise<{ threadId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { refusal } = await pageViewer("run.read", "agent runs");
  if (refusal) return refusal;
  const { threadId } = await params;
  const query = querySchema.parse(await searchParams);
  const pool = await db();
  const { schemas } = await boundCheckpointSchemas(pool);
  // Read before the thread, so a change made after this render makes the live refresh re-render it.
  const version = await threadVersion(pool, threadId, schemas);
  const run = await getRun(pool, threadId, schemas);
  const saver = await checkpointReaderFor(pool, run?.checkpointSchema ?? CHECKPOINT_SCHEMA);
  const [checkpoints, timings, handoffs, filings] = await Promise.all([
    loadThreadCheckpoints(saver, threadId),
    toolCallTimings(pool, threadId),
    listAssessmentHandoffs(pool, { threadId }),
    threadFilings(pool, threadId),
  ]);
  const filedLinks = await Promise.all(
    filings.map(async (f) => ({ ...f, link: await linkTo({ kit: f.kit, entity: f.entity, id: f.id }) })),
  );
  const timeline = buildTimeline(threadId, checkpoints, timings);
  const threadPath = `/threads/${encodeURIComponent(threadId)}`;
  if (!run && checkpoints.length === 0) {
    return (
      <>
        <PageHeader title={`Thread ${threadId}`} />
        <EmptyState
          title="No such thread"
          description={`There is no run and no checkpoint with thread_id "${threadId}". Check the id, or pick a thread from the list.`}
          action={{ href: "/threads", label: "All threads" }}
        />
      </>
    );
  }

  // Default comparison: the latest root checkpoint against the one before it.
  const byId = new Map(checkpoints.map((c) => [c.id, c]));
  const latestRoot = checkpoints.filter((c) => c.namespace === "").at(-1);
  const to = query.to ?? latestRoot?.id ?? null;
  const from = query.from ?? (to ? (byId.get(to)?.parentId ?? null) : null);
  const missing = [
    query.from && !byId.has(query.from) ? `from=${query.from}` : null,
    query.to && !byId.has(query.to) ? `to=${query.to}` : null,
  ].filter((m): m is string => m !== null);
  const fromCheckpoint = from ? byId.get(from) : undefined;
  const toCheckpoint = to ? byId.get(to) : undefined;
  const compared = query.from !== undefined || query.to !== undefined;
  const labelOf = (id: string) => {
    const c = timeline.checkpoints.find((x) => x.id === id);
    return c ? checkpointLabel(c) : id;
  };
  const errors = timeline.toolCalls.filter((c) => c.status === "error").length;
  const rootCount = timeline.checkpoints.filter((c) => c.depth === 0).length;

  return (
    <>
      <PageHeader
        title={`Thread ${threadId}`}
        description={
          run?.kitRun
            ? `${run.agent} · started by ${run.startedBy}`
            : `A thread written by another program (checkpoint schema ${run?.checkpointSchema ?? "unknown"}): read from its checkpoints only`
        }
        actions={
          run ? <StatusBadge tone={RUN_STATUS_TONE[run.status]}>{`Status: ${run.status}`}</StatusBadge> : null
        }
      />
      <LiveRefresh src={`/api/live?thread=${encodeURIComponent(threadId)}`} version={version} />
      {timeline.awaitingResume ? (
        <Banner tone="warning" title="Waiting for a human review">
          {run?.kitRun
            ? "The graph stopped at an interrupt; it continues when a reviewer decides the item in the review queue."
            : "The graph stopped at an interrupt; a reviewer decides it in the review queue, and the program that wrote this thread resumes it with that decision (it reads agent_ops.interrupt_decision); this kit does not know its graph."}
        </Banner>
      ) : null}
      {run?.error ? (
        <Banner tone="danger" title="The run failed">
          {run.error}
        </Banner>
      ) : null}
      <div className="ao-card-gap">
        <Card title="Summary">
          <div className="ao-summary">
            <DetailList
              columns={3}
              items={[
                { label: run?.kitRun === false ? "Graph" : "Agent", value: run?.agent ?? null },
                { label: "Model", value: run?.model ?? null },
                { label: "Request", value: run?.request ?? null },
                { label: "Started", value: run ? formatInstant(run.startedAt) : null },
                { label: "Duration", value: run ? formatDuration(run.durationMs) : null },
                {
                  label: "Last step",
                  value: run?.lastStep ? `${run.lastStep.step} · ${nodeLabel(run.lastStep.nodes)}` : null,
                },
                { label: "Tool calls", value: `${timeline.toolCalls.length} (${errors} failed)` },
                { label: "Open reviews", value: run ? String(run.openReviews) : null },
                {
                  label: "Resumed by",
                  value: run?.kitRun
                    ? "this kit (it runs the graph)"
                    : "its own program (reads agent_ops.interrupt_decision)",
                },
                {
                  label: "Checkpoints",
                  value: `${rootCount} in the graph, ${timeline.checkpoints.length - rootCount} in subgraphs`,
                },
              ]}
            />
          </div>
        </Card>
        {filedLinks.length > 0 ? (
          <Card title="Filed in other kits" subtitle="What this thread's approved tool calls created there">
            <ul aria-label="Filed in other kits">
              {filedLinks.map((f) => (
                <li key={f.toolCallId}>
                  {f.tool}: <KitEntityLink link={f.link}>{f.label}</KitEntityLink>
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
        <Card
          title="Timeline"
          subtitle="Rebuilt from the LangGraph checkpoint tables; subgraph steps sit inside the step that ran them."
        >
          {timeline.steps.length === 0 ? (
            <EmptyState compact title="No checkpoints for this thread yet" />
          ) : (
            <ThreadSteps
              steps={timeline.steps}
              threadPath={threadPath}
              targetCall={query.call ?? null}
              label="Timeline"
            />
          )}
        </Card>
        {run?.kitRun ? (
          <Card
            title="Fork from a checkpoint"
            subtitle="Replace a tool result in the state at a checkpoint and run the graph on from there; the original branch stays, and the timeline shows the fork beside it."
          >
            <ForkForm
              threadId={threadId}
              results={forkPoints(checkpoints).map((p) => ({
                toolCallId: p.toolCallId,
                tool: p.tool,
                result: p.result,
                checkpoints: p.checkpointIds.map((id) => ({ id, label: labelOf(id) })),
              }))}
            />
          </Card>
        ) : null}
        <Card
          title="Checkpoints"
          subtitle="Choose two checkpoints to see what changed in the state between them."
        >
          {timeline.checkpoints.length === 0 ? (
            <p className="ab-muted">No checkpoints.</p>
          ) : (
            <CheckpointPicker
              threadPath={threadPath}
              checkpoints={timeline.checkpoints}
              from={from}
              to={to}
            />
          )}
        </Card>
        <section id="diff" aria-label="What changed">
          <Card
            title="What changed"
            subtitle={
              fromCheckpoint && toCheckpoint
                ? `From ${labelOf(fromCheckpoint.id)} to ${labelOf(toCheckpoint.id)}${compared ? "" : " (latest step)"}`
                : "Pick a from and a to checkpoint above."
            }
          >
            {missing.length > 0 ? (
              <Banner tone="warning" title="Checkpoint not in this thread">
                {`${missing.join(" and ")} names no checkpoint of ${threadId}; pick one from the list above.`}
              </Banner>
            ) : fromCheckpoint && toCheckpoint ? (
              <CheckpointDiffView diff={diffCheckpoints(fromCheckpoint.values, toCheckpoint.values)} />
            ) : (
              <p className="ab-muted">Nothing to compare yet.</p>
            )}
          </Card>
        </section>
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
                <pre className="ao-json">{JSON.stringify(h.payload, null, 2)}</pre>
              </section>
            ))
          )}
        </Card>
      </div>
    </>
  );
}
