import type { ReactNode } from "react";

export type ChartFrameProps = {
  title: string;
  description?: string;
  /** Plot height in px; reserved before the chart draws so the page does not jump. */
  height: number;
  /** The values as a table, shown under "View data" and read by screen readers. */
  table: { columns: readonly string[]; rows: ReadonlyArray<ReadonlyArray<ReactNode>> };
  legend?: ReadonlyArray<{ label: string; color: string; value?: string }>;
  children: ReactNode;
};

/** Figure around a chart: caption, reserved plot area, HTML legend, and the data as a table. */
export function ChartFrame({ title, description, height, table, legend, children }: ChartFrameProps) {
  return (
    <figure className="ab-chart">
      <figcaption className="ab-chart__caption">
        <span className="ab-chart__title">{title}</span>
        {description ? <span className="ab-chart__description">{description}</span> : null}
      </figcaption>
      {/* role="img" makes the SVG one labelled image; the exact values are in the table below. */}
      <div
        className="ab-chart__plot"
        style={{ height }}
        role="img"
        aria-label={`${title} (chart; values under "View data")`}
      >
        {children}
      </div>
      {legend && legend.length > 0 ? (
        <ul className="ab-chart__legend" aria-hidden="true">
          {legend.map((entry) => (
            <li key={entry.label}>
              <span className="ab-chart__swatch" style={{ background: entry.color }} />
              {entry.label}
              {entry.value ? <span className="ab-chart__legend-value">{entry.value}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      <details className="ab-chart__data">
        <summary>View data</summary>
        <table className="ab-mini-table">
          <caption className="ab-sr-only">{title}</caption>
          <thead>
            <tr>
              {table.columns.map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, i) => (
              <tr key={i}>
                {row.map((cell, j) => (
                  <td key={j}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
