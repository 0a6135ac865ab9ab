import { tableParams } from "@appbase/next-kit/query";
import { FreshnessBadge, StatusBadge } from "@appbase/ui/badges";
import { type Column, DataTable } from "@appbase/ui/data-table";
import { MaskedValue } from "@appbase/ui/masked-value";
import { PageHeader } from "@appbase/ui/shell";
import { SyncBanner } from "../../components/sync-banner.tsx";
import { recordPiiAccess } from "../../domain/audit/pii-access.ts";
import { customerTableSpec } from "../../domain/customers/customer-table-spec.ts";
import {
  type CustomerListRow,
  emptyCustomerListPage,
  listCustomers,
} from "../../domain/customers/list-customers.ts";
import { readSynced } from "../../domain/freshness/synced-read.ts";
import { SYNC_TARGET } from "../../domain/freshness/targets.ts";
import { db, pageViewer } from "../../server/kit.ts";
import { syncHealth } from "../../server/sync-health.ts";
import { viewerRules } from "../../server/viewer-rules.ts";

const money = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  maximumFractionDigits: 0,
});
const BAND_TONE = { high: "danger", medium: "warning", low: "success" } as const;

const columns: Column<CustomerListRow>[] = [
  { key: "customer_id", header: "ID", width: "7rem", render: (r) => <code>{r.customerId}</code> },
  { key: "full_name", header: "Name", render: (r) => r.fullName.value },
  {
    key: "email",
    header: "Email",
    sortable: false,
    render: (r) =>
      r.email.masked ? (
        <MaskedValue masked value={r.email.value} permission="customer.pii.read" />
      ) : (
        <MaskedValue masked={false} value={r.email.value} />
      ),
  },
  { key: "segment", header: "Segment", sortable: false, render: (r) => r.segment.replace("_", " ") },
  { key: "region", header: "Region", sortable: false, render: (r) => r.region.replace("_", " ") },
  {
    key: "lifetime_value",
    header: "Lifetime value",
    align: "right",
    render: (r) => money.format(r.lifetimeValue),
  },
  {
    key: "churn_risk_score",
    header: "Churn risk",
    render: (r) => (
      <StatusBadge tone={BAND_TONE[r.churnRiskBand as keyof typeof BAND_TONE] ?? "neutral"}>
        {r.churnRiskScore === null
          ? `${r.churnRiskBand} (score withheld)`
          : `${r.churnRiskBand} · ${r.churnRiskScore.toFixed(2)}`}
      </StatusBadge>
    ),
  },
  { key: "status", header: "Status", sortable: false, render: (r) => r.status },
];

export default async function CustomersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const reader = await pageViewer("customer.read", "customers");
  if (!reader.identity) return reader.refusal;
  const identity = reader.identity;
  const params = tableParams(await searchParams, customerTableSpec);
  const pool = await db();
  const sync = await syncHealth(pool);
  const rules = viewerRules(identity, sync.level === "fallback");
  const read = await readSynced(() => listCustomers(pool, identity, params, rules), emptyCustomerListPage);
  const page = read.value;
  const customerIds = page.rows.map((r) => r.customerId);
  await recordPiiAccess(pool, { viewer: identity, surface: "customer-list", customerIds, rules });
  const customersSync = sync.tables.find((t) => t.table === "customer.customers");
  return (
    <>
      <SyncBanner sync={sync} missing={read.missing} />
      <PageHeader
        title="Customers"
        description="Customer 360 served from the synced gold tables. Search by the start of a name or email (email needs PII access), or an exact id."
        actions={
          <FreshnessBadge
            at={customersSync?.lastSyncTime ?? null}
            freshness={customersSync?.freshness ?? { state: "expired", ageMs: null }}
            target={SYNC_TARGET.target}
            limit={SYNC_TARGET.limit}
          />
        }
      />
      <DataTable
        caption="Customers"
        columns={columns}
        rows={page.rows}
        rowKey={(r) => r.customerId}
        rowHref={(r) => `/customers/${r.customerId}`}
        spec={customerTableSpec}
        params={params}
        total={page.total}
        totalEstimated={page.totalEstimated}
        keyset={{ next: page.next, prev: page.prev }}
        basePath="/customers"
        search="Search name, id or email"
        noun="customers"
      />
    </>
  );
}
