import { tableParams } from "@appbase/next-kit/query";
import { type Column, DataTable } from "@appbase/ui/data-table";
import { PageHeader } from "@appbase/ui/shell";
import { PriorityBadge, TargetBadge, WorkOrderStatusBadge } from "../../components/work-order-badges.tsx";
import { siteOptions } from "../../domain/assets/assets.ts";
import type { WorkOrderStatus } from "../../domain/work-orders/lifecycle.ts";
import { listWorkOrders, type WorkOrderPage } from "../../domain/work-orders/list-work-orders.ts";
import { workOrderLabel } from "../../domain/work-orders/work-order.ts";
import { workOrderTableSpec } from "../../domain/work-orders/work-order-table-spec.ts";
import { db, pageViewer } from "../../server/kit.ts";

type Row = WorkOrderPage["rows"][number];

export default async function WorkOrdersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await pageViewer("work-order.read", "work orders");
  if (!viewer.identity) return viewer.refusal;
  const pool = await db();
  const spec = workOrderTableSpec(await siteOptions(pool));
  const params = tableParams(await searchParams, spec);
  const now = new Date();
  const page = await listWorkOrders(
    pool,
    viewer.identity,
    {
      status: params.filters.status as WorkOrderStatus | "backlog" | undefined,
      kind: params.filters.kind as "reactive" | "preventive" | undefined,
      siteId: params.filters.site,
      breached: params.filters.target === "breached",
      limit: params.pageSize,
      after: params.after,
      before: params.before,
    },
    now,
  );
  const columns: Column<Row>[] = [
    { key: "number", header: "Order", width: "6rem", render: (r) => <code>{workOrderLabel(r)}</code> },
    { key: "title", header: "Title", render: (r) => r.title },
    { key: "asset", header: "Asset", render: (r) => `${r.assetTag ?? r.assetId} · ${r.siteId}` },
    {
      key: "status",
      header: "Status",
      render: (r) => (
        <span className="op-row">
          <WorkOrderStatusBadge status={r.status} />
          <TargetBadge order={r} now={now} />
        </span>
      ),
    },
    { key: "priority", header: "Priority", render: (r) => <PriorityBadge priority={r.priority} /> },
    { key: "kind", header: "Kind", render: (r) => r.kind },
    {
      key: "assignee",
      header: "Assignee",
      render: (r) => r.assigneeName ?? <span className="op-muted">unassigned</span>,
    },
    {
      key: "completionDueAt",
      header: "Due",
      render: (r) => r.completionDueAt.toISOString().slice(0, 16).replace("T", " "),
    },
  ];
  return (
    <>
      <PageHeader
        title="Work orders"
        description={
          viewer.identity.roles.includes("technician") && viewer.identity.roles.length === 1
            ? "Only the work orders assigned to you."
            : "Every work order, open before closed, the nearest completion target first."
        }
      />
      <DataTable
        caption="Work orders"
        columns={columns}
        rows={page.rows}
        rowKey={(r) => r.id}
        rowHref={(r) => `/work-orders/${r.id}`}
        spec={spec}
        params={params}
        total={page.total}
        totalEstimated={page.estimated}
        keyset={{ next: page.next, prev: page.prev }}
        basePath="/work-orders"
        search={false}
        noun="work orders"
      />
    </>
  );
}
