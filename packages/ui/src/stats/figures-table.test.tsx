import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { FiguresTable } from "./figures-table.tsx";

describe("FiguresTable", () => {
  const rows = [
    { day: "2026-12-05", calls: 3 },
    { day: "2026-12-06", calls: 12 },
  ];
  const html = renderToStaticMarkup(
    <FiguresTable
      label="Calls per day"
      columns={[
        { header: "Day", cell: (r) => r.day, className: "nowrap" },
        { header: "Calls", cell: (r) => r.calls.toLocaleString("en-US") },
      ]}
      rows={rows}
      rowKey={(r) => r.day}
      rowTestId="calls-row"
    />,
  );

  it("names the table and heads each column", () => {
    expect(html).toContain('<table class="ab-table" aria-label="Calls per day">');
    expect(html).toContain('<th scope="col">Day</th><th scope="col">Calls</th>');
  });

  it("draws one row per figure, cells in column order, with the column's class", () => {
    expect(html.match(/data-testid="calls-row"/g)).toHaveLength(2);
    expect(html).toContain('<td class="nowrap">2026-12-06</td><td>12</td>');
  });
});
