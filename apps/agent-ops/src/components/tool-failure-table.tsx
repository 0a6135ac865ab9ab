import type { ToolFailure } from "../domain/tool-calls/tool-failures.ts";
import { formatDuration, formatInstant } from "./thread-format.ts";
import { InlineJson } from "./thread-json.tsx";
import { toolCallHref } from "./tool-links.ts";
import "./thread-views.css";

/** Recent failed tool calls: what the tool was called with, the error, and a link to the step in its thread. */
export function ToolFailureTable({ failures }: { failures: readonly ToolFailure[] }) {
  return (
    <div className="ao-scroll-x">
      <table className="ao-checkpoint-table" aria-label="Recent failures">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Tool</th>
            <th scope="col">Agent</th>
            <th scope="col">Arguments</th>
            <th scope="col">Error</th>
            <th scope="col">Took</th>
            <th scope="col">Thread</th>
          </tr>
        </thead>
        <tbody>
          {failures.map((f) => (
            <tr key={`${f.threadId}/${f.toolCallId}`} data-testid="tool-failure">
              <td>{formatInstant(f.startedAt)}</td>
              <td className="ao-nowrap">
                <code>{f.tool}</code>
              </td>
              <td>{f.agent}</td>
              <td>
                <InlineJson value={f.args} />
              </td>
              <td className="ao-diff-before">{f.error}</td>
              <td className="ao-nowrap">{formatDuration(f.durationMs)}</td>
              <td>
                <a href={toolCallHref(f)}>Open in timeline</a>
                <div className="ao-thread-cell__id">{f.threadId}</div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
