import { type FigureColumn, FiguresTable } from "@appbase/ui/stats";
import type { ToolFailure } from "../domain/tool-calls/tool-failures.ts";
import { formatDuration, formatInstant } from "./thread-format.ts";
import { InlineJson } from "./thread-json.tsx";
import { toolCallHref } from "./tool-links.ts";
import "./thread-views.css";

const FAILURE_COLUMNS: FigureColumn<ToolFailure>[] = [
  { header: "When", cell: (f) => formatInstant(f.startedAt) },
  { header: "Tool", cell: (f) => <code>{f.tool}</code>, className: "ao-nowrap" },
  { header: "Agent", cell: (f) => f.agent },
  { header: "Arguments", cell: (f) => <InlineJson value={f.args} /> },
  { header: "Error", cell: (f) => f.error, className: "ao-diff-before" },
  { header: "Took", cell: (f) => formatDuration(f.durationMs), className: "ao-nowrap" },
  {
    header: "Thread",
    cell: (f) => (
      <>
        <a href={toolCallHref(f)}>Open in timeline</a>
        <div className="ao-thread-cell__id">{f.threadId}</div>
      </>
    ),
  },
];

/** Recent failed tool calls: what the tool was called with, the error, and a link to the step in its thread. */
export function ToolFailureTable({ failures }: { failures: readonly ToolFailure[] }) {
  return (
    <FiguresTable
      label="Recent failures"
      className="ao-checkpoint-table"
      columns={FAILURE_COLUMNS}
      rows={failures}
      rowKey={(f) => `${f.threadId}/${f.toolCallId}`}
      rowTestId="tool-failure"
    />
  );
}
