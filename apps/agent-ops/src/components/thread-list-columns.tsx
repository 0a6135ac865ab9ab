import { StatusBadge } from "@appbase/ui/badges";
import type { Column } from "@appbase/ui/data-table";
import type { RunSummary } from "../domain/runs/list-runs.ts";
import { formatDuration, formatInstant, nodeLabel } from "./thread-format.ts";
import "./thread-views.css";

export const RUN_STATUS_TONE = {
  running: "info",
  interrupted: "warning",
  completed: "success",
  failed: "danger",
} as const;

/** The threads list's columns; keys match `threadTableSpec`'s sortable keys where sortable. */
export const threadColumns: Column<RunSummary>[] = [
  {
    key: "thread",
    header: "Thread",
    sortable: false,
    render: (r) => (
      <span className="ao-thread-cell">
        <code className="ao-thread-cell__id">{r.threadId}</code>
        <span className="ao-thread-cell__request" title={r.request ?? undefined}>
          {r.request ?? <span className="ab-muted">no human message</span>}
        </span>
      </span>
    ),
  },
  {
    key: "status",
    header: "Status",
    render: (r) => (
      <StatusBadge tone={RUN_STATUS_TONE[r.status]} {...(r.error ? { title: r.error } : {})}>
        {r.status}
      </StatusBadge>
    ),
  },
  {
    key: "agent",
    header: "Agent",
    render: (r) => r.agent ?? <span className="ab-muted">graph not recorded</span>,
  },
  {
    key: "last_step",
    header: "Last step",
    sortable: false,
    render: (r) =>
      r.lastStep ? (
        `${r.lastStep.step} · ${nodeLabel(r.lastStep.nodes)}`
      ) : (
        <span className="ab-muted">no checkpoint</span>
      ),
  },
  {
    key: "tool_errors",
    header: "Tool errors",
    align: "right",
    render: (r) =>
      r.toolErrors > 0 ? (
        <StatusBadge tone="danger" dot={false} title={`${r.toolErrors} of ${r.toolCalls} tool calls failed`}>
          {`${r.toolErrors} of ${r.toolCalls}`}
        </StatusBadge>
      ) : (
        <span className="ab-muted">{r.toolCalls === 0 ? "no calls" : `0 of ${r.toolCalls}`}</span>
      ),
  },
  {
    key: "open_reviews",
    header: "Open reviews",
    sortable: false,
    align: "right",
    render: (r) => r.openReviews,
  },
  { key: "duration_ms", header: "Duration", align: "right", render: (r) => formatDuration(r.durationMs) },
  {
    key: "model",
    header: "Model",
    sortable: false,
    render: (r) =>
      r.model === null ? (
        <span className="ab-muted" title="Written by another program; the kit has no run record">
          own program
        </span>
      ) : (
        <StatusBadge tone={r.modelKind === "scripted" ? "neutral" : "info"} dot={false} title={r.model}>
          {r.modelKind === "scripted" ? "scripted" : "serving endpoint"}
        </StatusBadge>
      ),
  },
  {
    key: "started_at",
    header: "Started",
    render: (r) => (
      <span className="ao-thread-cell">
        <span>{formatInstant(r.startedAt)}</span>
        <span className="ab-muted">{r.startedBy ?? r.checkpointSchema}</span>
      </span>
    ),
  },
];
