import type { TableRowDiff } from "@appbase/branches/diff";
import { Card } from "@appbase/ui/layout";

const cell = (value: unknown) => (value === null || value === undefined ? "∅" : String(value));

/**
 * A preview's row diff against main, one card per diff table: counts, changed columns with how many
 * rows each, the updated cells (main → branch), and the inserted and deleted rows. `labelColumn`
 * names the column that identifies a row to a person (e.g. a work order's number); else its key.
 */
export function PreviewDiff(props: { diff: readonly TableRowDiff[]; labelColumn?: string }) {
  const label = (row: Record<string, unknown>, key: unknown[]) =>
    cell((props.labelColumn ? row[props.labelColumn] : undefined) ?? key.join(", "));
  return props.diff.map((table) => (
    <Card
      key={table.table}
      title={table.table}
      subtitle={`${table.counts.inserted} inserted · ${table.counts.updated} updated · ${table.counts.deleted} deleted`}
    >
      <div data-diff-table={table.table}>
        {Object.keys(table.updatedColumns).length > 0 ? (
          <p>
            Changed columns:{" "}
            {Object.entries(table.updatedColumns)
              .map(([column, n]) => `${column} (${n})`)
              .join(", ")}
          </p>
        ) : null}
        {table.updated.length > 0 ? (
          <table className="ab-table">
            <thead>
              <tr>
                <th>Row</th>
                <th>Column</th>
                <th>Main</th>
                <th>Branch</th>
              </tr>
            </thead>
            <tbody>
              {table.updated.flatMap((row) =>
                row.columns.map((column) => (
                  <tr key={`${row.key.join()}-${column}`}>
                    <td>{label(row.before, row.key)}</td>
                    <td>{column}</td>
                    <td>{cell(row.before[column])}</td>
                    <td>{cell(row.after[column])}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        ) : null}
        {table.inserted.length > 0 ? (
          <p data-diff-inserted>Inserted: {table.inserted.map((r) => label(r.row, r.key)).join(", ")}</p>
        ) : null}
        {table.deleted.length > 0 ? (
          <p data-diff-deleted>Deleted: {table.deleted.map((r) => label(r.row, r.key)).join("; ")}</p>
        ) : null}
        {table.inserted.length + table.updated.length + table.deleted.length <
        table.counts.inserted + table.counts.updated + table.counts.deleted ? (
          <p>Only the first rows of each kind are listed; the counts are complete.</p>
        ) : null}
      </div>
    </Card>
  ));
}
