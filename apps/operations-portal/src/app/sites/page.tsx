import { tableParams } from "@appbase/next-kit/query";
import { BarChart } from "@appbase/ui/charts";
import { type Column, DataTable } from "@appbase/ui/data-table";
import { Card } from "@appbase/ui/layout";
import { PageHeader } from "@appbase/ui/shell";
import { type SiteTrouble, siteOverview } from "../../domain/assets/site-overview.ts";
import { db, pageViewer } from "../../server/kit.ts";

const spec = { sortable: [], pageSizes: [100] } as const;
const n = (v: number, tone: "danger" | "warning") =>
  v > 0 ? (
    <strong className={tone === "danger" ? "op-error" : undefined}>{v}</strong>
  ) : (
    <span className="op-muted">0</span>
  );

const columns: Column<SiteTrouble>[] = [
  {
    key: "name",
    header: "Site",
    render: (s) => (
      <span>
        <strong>{s.name}</strong>{" "}
        <span className="op-muted">
          {s.siteId} · {s.region}
        </span>
      </span>
    ),
  },
  {
    key: "breached",
    header: "Breached work",
    align: "right",
    render: (s) => n(s.breachedWorkOrders, "danger"),
  },
  { key: "down", header: "Assets down", align: "right", render: (s) => n(s.down, "danger") },
  { key: "unhealthy", header: "Health < 50", align: "right", render: (s) => n(s.unhealthy, "warning") },
  { key: "degraded", header: "Degraded", align: "right", render: (s) => n(s.degraded, "warning") },
  {
    key: "avgHealth",
    header: "Avg health",
    align: "right",
    render: (s) => (s.avgHealth === null ? "—" : s.avgHealth.toFixed(1)),
  },
  { key: "open", header: "Open work", align: "right", render: (s) => s.openWorkOrders },
  { key: "assets", header: "Assets", align: "right", render: (s) => s.assets },
];

/** Where the trouble is: every site ranked by breached work, assets down and unhealthy assets. */
export default async function SitesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await pageViewer("asset.read", "sites");
  if (!viewer.identity) return viewer.refusal;
  const sites = await siteOverview(await db());
  const params = tableParams(await searchParams, spec);
  const worst = sites.slice(0, 10);
  return (
    <>
      <PageHeader
        title="Sites"
        description="Where the trouble is: the sites with breached work, assets down and unhealthy assets first."
      />
      <div className="op-grid">
        <Card title="Breached work orders by site" subtitle="Open past their completion target">
          <BarChart
            title="Breached work orders"
            data={worst.map((s) => ({
              label: s.siteId,
              value: s.breachedWorkOrders,
              tone: "danger" as const,
            }))}
            valueLabel="Breached"
            height={200}
          />
        </Card>
        <Card title="Unhealthy assets by site" subtitle="Latest health score below 50">
          <BarChart
            title="Unhealthy assets"
            data={worst.map((s) => ({ label: s.siteId, value: s.unhealthy, tone: "warning" as const }))}
            valueLabel="Assets"
            height={200}
          />
        </Card>
      </div>
      <DataTable
        caption="Sites"
        columns={columns}
        rows={sites}
        rowKey={(s) => s.siteId}
        rowHref={(s) => `/assets?site=${s.siteId}`}
        spec={spec}
        params={params}
        total={sites.length}
        basePath="/sites"
        search={false}
        noun="sites"
      />
    </>
  );
}
