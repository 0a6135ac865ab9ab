import { StatusBadge } from "@appbase/ui/badges";
import type { TimelineStep } from "../domain/timeline/timeline.ts";
import { ThreadEntry } from "./thread-entry.tsx";
import { formatInstant, nodeLabel } from "./thread-format.ts";
import "./thread-views.css";

function hasCall(step: TimelineStep, callId: string | null): boolean {
  if (callId === null) return false;
  return (
    step.entries.some((e) => e.kind === "tool-call" && e.call.id === callId) ||
    step.subgraphs.some((g) => g.steps.some((s) => hasCall(s, callId)))
  );
}

/** What a step that produced no checkpoint is waiting on: a reviewer, or nothing (it failed). */
function pendingLabel(step: TimelineStep): string {
  if (step.entries.some((e) => e.kind === "error")) return "failed";
  const interrupted = step.entries.some((e) => e.kind === "interrupt");
  const resumed = step.entries.some((e) => e.kind === "resume");
  if (interrupted && !resumed) return "waiting for review";
  return "in progress";
}

/** Where the "what changed" link of a step leads: the diff of the checkpoint it ran from and the one it made. */
function diffHref(threadPath: string, step: TimelineStep): string | null {
  if (step.checkpointId === null) return null;
  const query = new URLSearchParams({ from: step.fromCheckpointId, to: step.checkpointId });
  return `${threadPath}?${query.toString()}#diff`;
}

/** The steps of a graph in order, each with its entries and the subgraph runs nested inside it. */
export function ThreadSteps({
  steps,
  threadPath,
  targetCall,
  label,
}: {
  steps: TimelineStep[];
  threadPath: string;
  targetCall: string | null;
  label: string;
}) {
  return (
    <ol className="ao-steps" aria-label={label}>
      {steps.map((step) => {
        const href = diffHref(threadPath, step);
        const classes = [
          "ao-step",
          step.checkpointId === null ? "ao-step--pending" : "",
          hasCall(step, targetCall) ? "ao-step--highlight" : "",
        ].join(" ");
        return (
          <li key={step.key} id={`step-${step.key}`} className={classes.trim()} data-testid="timeline-step">
            <div className="ao-step__head">
              <span className="ao-step__title">
                Step {step.step} ·{" "}
                {step.forkId !== null && step.forkId === step.checkpointId
                  ? "fork (state edited)"
                  : step.checkpointId === null
                    ? pendingLabel(step)
                    : nodeLabel(step.nodes)}
              </span>
              {step.forkId !== null ? (
                <StatusBadge tone="info" title={`On the fork that starts at checkpoint ${step.forkId}`}>
                  {step.forkId === step.checkpointId ? `fork of ${step.fromCheckpointId}` : "on fork"}
                </StatusBadge>
              ) : null}
              {step.checkpointId === null ? (
                <StatusBadge tone="warning">not finished</StatusBadge>
              ) : (
                <span>{formatInstant(step.at)}</span>
              )}
              {href ? (
                <span className="ao-step__links">
                  <a href={href}>What changed</a>
                </span>
              ) : null}
            </div>
            {step.subgraphs.map((subgraph) => (
              <section
                key={subgraph.namespace}
                className="ao-subgraph"
                aria-label={`Subgraph ${subgraph.node}`}
                data-testid="subgraph"
              >
                <p className="ao-subgraph__title">
                  Subgraph <code>{subgraph.node}</code>{" "}
                  <span className="ab-muted">({subgraph.namespace})</span>
                </p>
                <ThreadSteps
                  steps={subgraph.steps}
                  threadPath={threadPath}
                  targetCall={targetCall}
                  label={`Steps of subgraph ${subgraph.node}`}
                />
              </section>
            ))}
            {step.entries.length > 0 ? (
              <ul className="ao-entries">
                {step.entries.map((entry, i) => (
                  // Entries have no id of their own; their order within the step is the thread's order.
                  <ThreadEntry key={i} entry={entry} targetCall={targetCall} />
                ))}
              </ul>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
