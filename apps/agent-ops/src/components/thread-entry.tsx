import { StatusBadge } from "@appbase/ui/badges";
import type { TimelineEntry } from "../domain/timeline/timeline.ts";
import { formatDuration } from "./thread-format.ts";
import { InlineJson, JsonBlock } from "./thread-json.tsx";
import { toolCallAnchor } from "./tool-links.ts";
import "./thread-views.css";

const ROLE = { ai: "Agent", human: "User", system: "System", other: "Message" } as const;
const CALL_TONE = { ok: "success", error: "danger", pending: "warning" } as const;

/** One timeline entry: a message, a tool call with its result, an interrupt, a resume or an error. */
export function ThreadEntry({ entry, targetCall }: { entry: TimelineEntry; targetCall: string | null }) {
  switch (entry.kind) {
    case "message":
      return (
        <li className={`ao-entry-card${entry.role === "ai" ? " ao-entry-card--ai" : ""}`}>
          <strong>{ROLE[entry.role]}:</strong>{" "}
          {entry.text || (entry.requested.length > 0 ? null : <span className="ab-muted">(no text)</span>)}
          {entry.edited ? <span className="ao-entry-card__meta"> (edited)</span> : null}
          {entry.requested.length > 0 ? (
            <div className="ao-entry-card__meta">Asked for: {entry.requested.join(", ")}</div>
          ) : null}
        </li>
      );
    case "tool-call": {
      const { call } = entry;
      const target = targetCall === call.id;
      return (
        <li
          id={toolCallAnchor(call.id)}
          className={`ao-entry-card${target ? " ao-entry-card--target" : ""}`}
          data-testid="tool-call"
          aria-current={target ? "location" : undefined}
        >
          <div className="ao-entry-card__head">
            <strong>Tool {call.name}</strong>
            <StatusBadge tone={CALL_TONE[call.status]}>{call.status}</StatusBadge>
            {call.durationMs !== null ? (
              <span className="ao-entry-card__meta" data-testid="tool-latency">
                {formatDuration(call.durationMs)}
              </span>
            ) : null}
            <span className="ao-entry-card__meta">
              <code>{call.id}</code>
            </span>
          </div>
          <div>
            Arguments: <InlineJson value={call.args} />
          </div>
          {call.requestedArgs ? (
            <div className="ao-entry-card__meta">
              Edited by the reviewer; the model asked for <InlineJson value={call.requestedArgs} />
            </div>
          ) : null}
          {call.result === null ? (
            <p className="ab-muted" data-testid="tool-result">
              (no result yet)
            </p>
          ) : (
            <JsonBlock value={call.result} label="Show result" testId="tool-result" />
          )}
        </li>
      );
    }
    case "interrupt":
      return (
        <li className="ao-entry-card ao-entry-card--interrupt">
          <strong>Paused for human review:</strong>
          <JsonBlock value={entry.value} label="Show request" />
        </li>
      );
    case "resume":
      return (
        <li className="ao-entry-card">
          <strong>Resumed with:</strong>
          <JsonBlock value={entry.value} label="Show decision" />
        </li>
      );
    case "edited-result":
      return (
        <li className="ao-entry-card" data-testid="edited-result">
          <strong>State edited for the fork:</strong> the result of {entry.tool} (
          <code>{entry.toolCallId}</code>) is now
          <JsonBlock value={entry.text} label="Show edited result" />
        </li>
      );
    case "error":
      return (
        <li className="ao-entry-card ao-entry-card--error" role="note">
          <strong>Error:</strong> {entry.message}
        </li>
      );
  }
}
