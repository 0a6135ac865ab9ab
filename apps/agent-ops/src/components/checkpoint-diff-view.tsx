import { StatusBadge } from "@appbase/ui/badges";
import type { ChannelDiff, CheckpointDiff } from "../domain/timeline/checkpoint-diff.ts";
import type { MessageView } from "../domain/timeline/message-view.ts";
import { JsonBlock } from "./thread-json.tsx";
import "./thread-views.css";

function MessageLine({ message }: { message: MessageView }) {
  const who = message.role === "tool" ? `Tool ${message.name ?? ""} (${message.status})` : message.role;
  return (
    <li className="ao-entry-card">
      <strong>{who}:</strong> {message.text || <span className="ab-muted">(no text)</span>}
      {message.toolCalls.length > 0 ? (
        <div className="ao-entry-card__meta">
          Tool calls: {message.toolCalls.map((c) => `${c.name} ${JSON.stringify(c.args)}`).join("; ")}
        </div>
      ) : null}
    </li>
  );
}

function ChannelChange({ change }: { change: ChannelDiff }) {
  switch (change.kind) {
    case "added":
      return <JsonBlock value={change.after} label="Show value" />;
    case "removed":
      return <JsonBlock value={change.before} label="Show value" />;
    case "changed":
      return (
        <div className="ao-scroll-x">
          <table className="ao-checkpoint-table" aria-label={`Changes in ${change.channel}`}>
            <thead>
              <tr>
                <th scope="col">Path</th>
                <th scope="col">Before</th>
                <th scope="col">After</th>
              </tr>
            </thead>
            <tbody>
              {change.changes.map((c) => (
                <tr key={c.path}>
                  <td className="ao-diff-path">{c.path}</td>
                  <td className="ao-diff-before">
                    {c.kind === "added" ? (
                      <span className="ab-muted">(absent)</span>
                    ) : (
                      <JsonBlock value={c.before} />
                    )}
                  </td>
                  <td className="ao-diff-after">
                    {c.kind === "removed" ? (
                      <span className="ab-muted">(absent)</span>
                    ) : (
                      <JsonBlock value={c.after} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    case "messages":
      return (
        <div className="ab-stack">
          {change.appended.length > 0 ? (
            <section aria-label={`Messages appended to ${change.channel}`}>
              <p>{change.appended.length} appended</p>
              <ul className="ao-entries">
                {change.appended.map((m, i) => (
                  <MessageLine key={m.id ?? i} message={m} />
                ))}
              </ul>
            </section>
          ) : null}
          {change.edited.map((e, i) => (
            <section key={e.after.id ?? i} aria-label="Message edited">
              <p>Edited message {e.after.id ? <code>{e.after.id}</code> : null}</p>
              <ul className="ao-entries">
                <MessageLine message={e.before} />
                <MessageLine message={e.after} />
              </ul>
            </section>
          ))}
          {change.removed.length > 0 ? (
            <section aria-label={`Messages removed from ${change.channel}`}>
              <p>{change.removed.length} removed</p>
              <ul className="ao-entries">
                {change.removed.map((m, i) => (
                  <MessageLine key={m.id ?? i} message={m} />
                ))}
              </ul>
            </section>
          ) : null}
        </div>
      );
  }
}

const KIND = {
  added: ["added", "success"],
  removed: ["removed", "danger"],
  changed: ["changed", "info"],
  messages: ["messages", "info"],
} as const;

function ChannelList({ channels }: { channels: ChannelDiff[] }) {
  return (
    <ul className="ao-diff-list">
      {channels.map((change) => (
        <li key={change.channel} data-testid="diff-channel">
          <div className="ao-diff-channel__head">
            <code>{change.channel}</code>
            <StatusBadge tone={KIND[change.kind][1]}>{KIND[change.kind][0]}</StatusBadge>
          </div>
          <ChannelChange change={change} />
        </li>
      ))}
    </ul>
  );
}

/** What changed in the graph state between two checkpoints; LangGraph's routing channels fold away. */
export function CheckpointDiffView({ diff }: { diff: CheckpointDiff }) {
  const state = diff.channels.filter((c) => !c.internal);
  const routing = diff.channels.filter((c) => c.internal);
  return (
    <div className="ab-stack" aria-label="Checkpoint diff" role="region">
      {state.length === 0 ? (
        <p className="ab-muted">The graph state is the same in both checkpoints.</p>
      ) : (
        <ChannelList channels={state} />
      )}
      {routing.length > 0 ? (
        <details>
          <summary>
            {routing.length} routing {routing.length === 1 ? "channel" : "channels"} changed (LangGraph
            internals)
          </summary>
          <ChannelList channels={routing} />
        </details>
      ) : null}
      {diff.unchanged.length > 0 ? <p className="ab-muted">Unchanged: {diff.unchanged.join(", ")}</p> : null}
    </div>
  );
}
