import type { TimelineCheckpoint } from "../domain/timeline/timeline.ts";
import { formatInstant, nodeLabel } from "./thread-format.ts";
import "./thread-views.css";

/** How a checkpoint is named in the picker: its step and nodes, and the subgraph it belongs to. */
export function checkpointLabel(c: TimelineCheckpoint): string {
  const where = c.namespace === "" ? "" : `${c.namespace.split("|").at(-1)?.split(":")[0] ?? "subgraph"} `;
  const what =
    c.source === "input" ? "input" : c.source === "update" ? "fork: state edited" : nodeLabel(c.nodes);
  return `${where}step ${c.step} (${what})`;
}

/** Every checkpoint of the thread with "from" and "to" choices; submitting puts both in the URL. */
export function CheckpointPicker({
  threadPath,
  checkpoints,
  from,
  to,
}: {
  threadPath: string;
  checkpoints: TimelineCheckpoint[];
  from: string | null;
  to: string | null;
}) {
  return (
    <form method="get" action={`${threadPath}#diff`} aria-label="Compare checkpoints">
      <div className="ao-scroll-x">
        <table className="ao-checkpoint-table">
          <caption className="ab-sr-only">Checkpoints of this thread</caption>
          <thead>
            <tr>
              <th scope="col">From</th>
              <th scope="col">To</th>
              <th scope="col">Step</th>
              <th scope="col">Graph</th>
              <th scope="col">Messages</th>
              <th scope="col">Written</th>
              <th scope="col">Checkpoint id</th>
            </tr>
          </thead>
          <tbody>
            {checkpoints.map((c) => {
              const label = checkpointLabel(c);
              return (
                <tr key={c.id}>
                  <td>
                    <input
                      type="radio"
                      name="from"
                      value={c.id}
                      defaultChecked={c.id === from}
                      aria-label={`From ${label}`}
                    />
                  </td>
                  <td>
                    <input
                      type="radio"
                      name="to"
                      value={c.id}
                      defaultChecked={c.id === to}
                      aria-label={`To ${label}`}
                    />
                  </td>
                  <td style={{ paddingLeft: `${0.45 + c.depth * 1.25}rem` }}>{label}</td>
                  <td>{c.namespace === "" ? "root" : <code>{c.namespace}</code>}</td>
                  <td>{c.messageCount}</td>
                  <td>{formatInstant(c.at)}</td>
                  <td>
                    <code>{c.id}</code>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p>
        <button className="ab-button" type="submit">
          Compare checkpoints
        </button>
      </p>
    </form>
  );
}
