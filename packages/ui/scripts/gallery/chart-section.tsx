import {
  BarChart,
  binValues,
  DonutChart,
  FunnelChart,
  HistogramChart,
  TimeSeriesChart,
} from "../../src/charts/index.ts";
import { alertSeries, riskScores } from "./sample-data.ts";
import { Section } from "./section.tsx";

/** Every chart type. */
export function ChartSection() {
  return (
    <Section title="Charts">
      <div className="ab-grid">
        <div className="ab-card">
          <TimeSeriesChart
            title="Alerts per hour"
            description="Last 24 hours, UTC"
            kind="area"
            series={alertSeries}
          />
        </div>
        <div className="ab-card">
          <BarChart
            title="Open alerts by severity"
            valueLabel="Open alerts"
            data={[
              { label: "Critical", value: 12, tone: "danger" },
              { label: "High", value: 48, tone: "warning" },
              { label: "Medium", value: 131, tone: "info" },
              { label: "Low", value: 260, tone: "neutral" },
            ]}
          />
        </div>
        <div className="ab-card">
          <DonutChart
            title="Feature freshness"
            centerLabel="features"
            data={[
              { label: "Fresh", value: 412, tone: "success" },
              { label: "Stale", value: 57, tone: "warning" },
              { label: "Expired", value: 9, tone: "danger" },
            ]}
          />
        </div>
        <div className="ab-card">
          <HistogramChart
            title="Risk score distribution"
            description="600 open entities"
            bins={binValues(riskScores, { bins: 20, min: 0, max: 1 })}
          />
        </div>
        <div className="ab-card">
          <FunnelChart
            title="Review pipeline"
            steps={[
              { label: "Flagged", value: 4820 },
              { label: "Triaged", value: 3100 },
              { label: "Investigated", value: 1240 },
              { label: "Escalated", value: 310 },
              { label: "Confirmed", value: 96 },
            ]}
          />
        </div>
        <div className="ab-card">
          <TimeSeriesChart
            title="p95 query latency"
            valueFormat="ms"
            series={[
              {
                key: "p95",
                label: "p95",
                points: alertSeries[0]!.points.map((p) => ({ at: p.at, value: p.value * 6 })),
              },
            ]}
          />
        </div>
      </div>
    </Section>
  );
}
