import type { HistoryEntry } from "../domain/work-orders/history.ts";

const show = (v: unknown) =>
  v === null || v === undefined ? "—" : typeof v === "string" ? v : JSON.stringify(v);

/** A work order's field-level history. */
export function HistoryTable({ entries }: { entries: HistoryEntry[] }) {
  return (
    <div className="op-scroll">
      <table className="op-history" aria-label="History">
        <thead>
          <tr>
            <th>When</th>
            <th>Who</th>
            <th>Field</th>
            <th>From</th>
            <th>To</th>
            <th>Version</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e, i) => (
            <tr key={`${e.version}-${e.field}-${i}`}>
              <td>{e.at.toISOString().slice(0, 16).replace("T", " ")}</td>
              <td>{e.actor}</td>
              <td>{e.field}</td>
              <td>{show(e.oldValue)}</td>
              <td>{show(e.newValue)}</td>
              <td>{e.version}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
