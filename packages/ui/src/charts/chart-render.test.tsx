import { describe, expect, it } from "vitest";
import { html, text } from "../internal/test-html.ts";
import { BarChart } from "./bar-chart.tsx";
import { DonutChart } from "./donut-chart.tsx";
import { FunnelChart } from "./funnel-chart.tsx";
import { HistogramChart } from "./histogram-chart.tsx";
import { TimeSeriesChart } from "./time-series-chart.tsx";

// Recharts draws after mounting, so server markup is the frame: title, reserved height, legend and data table.
describe("chart frames on the server", () => {
  it("give every chart a caption, a labelled plot and its values as a table", () => {
    const markup = html(
      <BarChart title="Open alerts" valueLabel="Alerts" data={[{ label: "High", value: 1200 }]} />,
    );
    expect(markup).toContain("<figcaption");
    expect(markup).toMatch(
      /role="img" aria-label="Open alerts \(chart; values under &quot;View data&quot;\)"/,
    );
    expect(markup).toContain("height:240px");
    expect(text(markup)).toContain("CategoryAlertsHigh1,200");
  });

  it("show donut shares in the legend and the total in the middle", () => {
    const markup = text(
      html(
        <DonutChart
          title="Freshness"
          centerLabel="features"
          data={[
            { label: "Fresh", value: 3 },
            { label: "Stale", value: 1 },
          ]}
        />,
      ),
    );
    expect(markup).toContain("Fresh3 · 75%");
    expect(markup).toContain("4features");
  });

  it("tabulate time series, histogram and funnel values", () => {
    const series = text(
      html(
        <TimeSeriesChart
          title="Latency"
          valueFormat="ms"
          series={[{ key: "p95", label: "p95", points: [{ at: "2026-01-01T10:00:00Z", value: 1500 }] }]}
        />,
      ),
    );
    expect(series).toContain("1 Jan 2026, 10:00 UTC1.5 s");
    expect(text(html(<HistogramChart title="Scores" values={[0, 1, 2, 3]} binCount={2} />))).toContain(
      "0–1.52",
    );
    expect(
      text(
        html(
          <FunnelChart
            title="Flow"
            steps={[
              { label: "In", value: 10 },
              { label: "Out", value: 4 },
            ]}
          />,
        ),
      ),
    ).toContain("Out440%40%");
  });
});
