import { BarChart } from "@appbase/ui/charts";
import { Card } from "@appbase/ui/layout";
import { PageHeader } from "@appbase/ui/shell";
import Link from "next/link";
import { type KpiDimension, type KpiRow, maintenanceKpis } from "../../domain/kpis/kpis.ts";
import { db, pageViewer } from "../../server/kit.ts";

const DAY = 86_400_000;
const WINDOWS = [30, 90, 365] as const;
const fixed = (v: number | null, digits = 1) => (v === null ? 0 : Number(v.toFixed(digits)));

/** MTBF, MTTR, downtime, backlog age and on-time completion per site or asset class. */
export default async function KpisPage({
  searchParams,
}: {
  searchParams: Promise<{ by?: string; days?: string }>;
}) {
  const viewer = await pageViewer("work-order.read", "KPIs");
  if (!viewer.identity) return viewer.refusal;
  const query = await searchParams;
  const by: KpiDimension = query.by === "asset_type" ? "asset_type" : "site";
  const days = WINDOWS.find((w) => String(w) === query.days) ?? 90;
  const to = new Date();
  const rows = await maintenanceKpis(await db(), by, { from: new Date(to.getTime() - days * DAY), to });
  const label = (r: KpiRow) => r.group.replace("_", " ");
  const chart = (title: string, value: (r: KpiRow) => number, format?: "percent") => (
    <Card title={title}>
      <BarChart
        title={title}
        data={rows.map((r) => ({ label: label(r), value: value(r) }))}
        valueLabel={title}
        height={220}
        {...(format ? { valueFormat: format } : {})}
      />
    </Card>
  );
  const link = (b: KpiDimension, d: number) => `/kpis?by=${b}&days=${d}`;
  return (
    <>
      <PageHeader
        title="Maintenance KPIs"
        description={`Per ${by === "site" ? "site" : "asset class"}, over the last ${days} days. Reactive orders are failures; MTBF = (asset hours − downtime) / failures; MTTR = mean report-to-restore time.`}
      />
      <div className="op-row" style={{ marginBottom: "0.75rem" }}>
        <Link
          className="ab-button ab-button--secondary"
          href={link("site", days)}
          aria-current={by === "site" ? "page" : undefined}
        >
          By site
        </Link>
        <Link
          className="ab-button ab-button--secondary"
          href={link("asset_type", days)}
          aria-current={by === "asset_type" ? "page" : undefined}
        >
          By asset class
        </Link>
        {WINDOWS.map((w) => (
          <Link
            key={w}
            className="ab-button ab-button--secondary"
            href={link(by, w)}
            aria-current={w === days ? "page" : undefined}
          >
            {w} days
          </Link>
        ))}
      </div>
      <div className="op-grid">
        {chart("MTBF (hours)", (r) => fixed(r.mtbfHours, 0))}
        {chart("MTTR (hours)", (r) => fixed(r.mttrHours))}
        {chart("Downtime (hours)", (r) => fixed(r.downtimeHours))}
        {chart("Backlog age (days)", (r) => fixed(r.backlogAgeDays))}
        {chart("On-time completion", (r) => fixed(r.onTimeRate, 3), "percent")}
      </div>
      <Card title="Figures" flush>
        <table className="op-history" aria-label="KPI figures">
          <thead>
            <tr>
              <th>{by === "site" ? "Site" : "Class"}</th>
              <th>Assets</th>
              <th>Failures</th>
              <th>MTBF h</th>
              <th>MTTR h</th>
              <th>Downtime h</th>
              <th>Backlog</th>
              <th>Backlog age d</th>
              <th>Completed</th>
              <th>On time</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.group}>
                <td>{label(r)}</td>
                <td>{r.assets}</td>
                <td>{r.failures}</td>
                <td>{r.mtbfHours?.toFixed(0) ?? "—"}</td>
                <td>{r.mttrHours?.toFixed(1) ?? "—"}</td>
                <td>{r.downtimeHours.toFixed(1)}</td>
                <td>{r.backlog}</td>
                <td>{r.backlogAgeDays?.toFixed(1) ?? "—"}</td>
                <td>{r.completed}</td>
                <td>{r.onTimeRate === null ? "—" : `${Math.round(r.onTimeRate * 100)}%`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
    </>
  );
}
