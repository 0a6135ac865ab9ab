import type { ReactNode } from "react";

/** One column of a figures table: its header and how a row fills its cell. */
export interface FigureColumn<Row> {
  header: string;
  cell: (row: Row) => ReactNode;
  /** Class of the column's cells (e.g. no wrapping). */
  className?: string;
}

export interface FiguresTableProps<Row> {
  /** Accessible name of the table, e.g. "Model usage per day". */
  label: string;
  columns: ReadonlyArray<FigureColumn<Row>>;
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** `data-testid` of every row, for tests that count rows. */
  rowTestId?: string;
  /** Class of the table (default: the DataTable's look). */
  className?: string;
}

/**
 * A small read-only table of figures (per day, per tool…): no sorting, filters or paging, which
 * `DataTable` gives a list; it scrolls sideways on a narrow screen.
 */
export function FiguresTable<Row>({
  label,
  columns,
  rows,
  rowKey,
  rowTestId,
  className = "ab-table",
}: FiguresTableProps<Row>) {
  return (
    <div className="ab-table-scroll">
      <table className={className} aria-label={label}>
        <thead>
          <tr>
            {columns.map((column) => (
              <th scope="col" key={column.header}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} data-testid={rowTestId}>
              {columns.map((column) => (
                <td key={column.header} className={column.className}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
