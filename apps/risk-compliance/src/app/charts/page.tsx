import { BarChart } from "@appbase/ui/charts";
import { PageHeader } from "@appbase/ui/shell";
import { DISPOSITION_LABELS, type Disposition } from "../../domain/cases/lifecycle.ts";
import { alertVolume, dispositions, slaBreaches, timeToClose } from "../../domain/charts/charts.ts";
import { db, pageViewer } from "../../server/kit.ts";

export default async function ChartsPage() {
  const viewer = await pageViewer("case.read", "charts");
  if (!viewer.identity) return viewer.refusal;
  const pool = await db();
  const [volume, sla, disp, ttc] = await Promise.all([
    alertVolume(pool, 30),
    slaBreaches(pool),
    dispositions(pool),
    timeToClose(pool),
  ]);
  const byRule = new Map<string, number>();
  for (const v of volume) byRule.set(v.ruleId, (byRule.get(v.ruleId) ?? 0) + v.alerts);
  return (
    <>
      <PageHeader title="Charts" description="Alert volume, SLA standing, dispositions and time to close." />
      <div className="rc-grid">
        <BarChart
          title="Alerts by rule (30 days)"
          data={[...byRule].map(([label, value]) => ({ label, value }))}
        />
        <BarChart
          title="SLA breaches by severity"
          description="Open alerts past their due time, and closed ones that missed it"
          data={sla.map((s) => ({
            label: s.severity,
            value: s.breached + s.missed,
            tone: "danger" as const,
          }))}
        />
        <BarChart
          title="Dispositions"
          data={disp.map((d) => ({
            label: DISPOSITION_LABELS[d.disposition as Disposition] ?? d.disposition,
            value: d.cases,
          }))}
        />
        <BarChart
          title="Median hours to close by risk"
          data={ttc.map((t) => ({ label: t.riskLevel, value: Math.round(t.medianHours * 10) / 10 }))}
        />
      </div>
      <table className="ab-table" aria-label="Alert volume by day">
        <thead>
          <tr>
            <th>Day</th>
            <th>Rule</th>
            <th>Alerts</th>
          </tr>
        </thead>
        <tbody>
          {volume.map((v) => (
            <tr key={`${v.day}-${v.ruleId}`}>
              <td>{v.day}</td>
              <td>{v.ruleId}</td>
              <td>{v.alerts}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
