import { tableParams } from "@appbase/next-kit/query";
import { StatusBadge } from "@appbase/ui/badges";
import { type Column, DataTable } from "@appbase/ui/data-table";
import { PageHeader } from "@appbase/ui/shell";
import {
  ASSET_SORTS,
  type AssetSort,
  type AssetSummary,
  assetFacets,
  CRITICALITIES,
  listAssets,
} from "../../domain/assets/assets.ts";
import { db, pageViewer } from "../../server/kit.ts";

const HEALTH_TONE = (h: number | null) =>
  h === null ? "neutral" : h < 45 ? "danger" : h < 65 ? "warning" : "success";

const columns: Column<AssetSummary>[] = [
  {
    key: "tag",
    header: "Tag",
    render: (a) => (
      <span>
        <strong>{a.tag}</strong> <span className="op-muted">{a.assetId}</span>
      </span>
    ),
  },
  { key: "assetType", header: "Class", sortable: false, render: (a) => a.assetType.replace("_", " ") },
  { key: "site", header: "Site", sortable: false, render: (a) => a.siteName ?? a.siteId },
  { key: "criticality", header: "Criticality", sortable: false, render: (a) => a.criticality },
  {
    key: "status",
    header: "Status",
    sortable: false,
    render: (a) => (
      <StatusBadge tone={a.status === "down" ? "danger" : a.status === "degraded" ? "warning" : "success"}>
        {a.status}
      </StatusBadge>
    ),
  },
  {
    key: "health",
    header: "Health",
    align: "right",
    render: (a) => (
      <StatusBadge tone={HEALTH_TONE(a.healthScore)}>{a.healthScore?.toFixed(1) ?? "—"}</StatusBadge>
    ),
  },
  { key: "anomaly", header: "Anomaly", align: "right", render: (a) => a.anomalyScore?.toFixed(2) ?? "—" },
  { key: "open", header: "Open work", align: "right", sortable: false, render: (a) => a.openWorkOrders },
];

/** Every asset by site, class and criticality, with search; the least healthy first. */
export default async function AssetsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await pageViewer("asset.read", "assets");
  if (!viewer.identity) return viewer.refusal;
  const pool = await db();
  const facets = await assetFacets(pool);
  const spec = {
    sortable: ASSET_SORTS,
    defaultSort: { key: "health", dir: "asc" },
    pageSizes: [25, 50, 100],
    maxQueryLength: 80,
    filters: [
      { key: "site", label: "Site", options: facets.sites.map((s) => ({ value: s.id, label: s.name })) },
      {
        key: "class",
        label: "Class",
        options: facets.assetTypes.map((t) => ({ value: t, label: t.replace("_", " ") })),
      },
      { key: "criticality", label: "Criticality", options: CRITICALITIES.map((c) => ({ value: c })) },
    ],
  } as const;
  const params = tableParams(await searchParams, spec);
  const page = await listAssets(pool, {
    siteId: params.filters.site,
    assetType: params.filters.class,
    criticality: params.filters.criticality as (typeof CRITICALITIES)[number] | undefined,
    q: params.q || undefined,
    sort: (params.sort ?? "health") as AssetSort,
    dir: params.dir,
    limit: params.pageSize,
    after: params.after,
    before: params.before,
  });
  return (
    <>
      <PageHeader
        title="Assets"
        description="Served from the synced asset and score tables; the least healthy first."
      />
      <DataTable
        caption="Assets"
        columns={columns}
        rows={page.rows}
        rowKey={(a) => a.assetId}
        rowHref={(a) => `/assets/${a.assetId}`}
        spec={spec}
        params={params}
        total={page.total}
        totalEstimated={page.estimated}
        keyset={{ next: page.next, prev: page.prev }}
        basePath="/assets"
        search="Search tag, id, make or model"
        noun="assets"
      />
    </>
  );
}
