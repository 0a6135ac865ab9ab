import { FreshnessBadge, StatusBadge, type Tone } from "../../src/badges/index.ts";
import { type Column, DataTable, parseTableParams, type TableSpec } from "../../src/data-table/index.ts";
import { MaskedValue } from "../../src/masked-value/index.ts";
import { Stat } from "../../src/stats/index.ts";
import { customers, minutesAgo } from "./sample-data.ts";
import { Section } from "./section.tsx";

type Customer = (typeof customers)[number];
const STATUS_TONE: Record<string, Tone> = { active: "success", "at-risk": "warning", churned: "neutral" };

const spec: TableSpec = {
  sortable: ["name", "ltv", "updatedAt"],
  defaultSort: { key: "updatedAt", dir: "desc" },
  pageSizes: [5, 25, 50],
  filters: [
    {
      key: "segment",
      label: "Segment",
      options: [{ value: "Enterprise" }, { value: "Mid-market" }, { value: "SMB" }],
    },
    {
      key: "status",
      label: "Status",
      options: [
        { value: "active", label: "Active" },
        { value: "at-risk", label: "At risk" },
        { value: "churned", label: "Churned" },
      ],
    },
  ],
};

const columns: Column<Customer>[] = [
  { key: "name", header: "Customer" },
  { key: "id", header: "ID", render: (c) => <span className="ab-muted">{c.id}</span> },
  { key: "segment", header: "Segment" },
  {
    key: "status",
    header: "Status",
    render: (c) => <StatusBadge tone={STATUS_TONE[c.status]}>{c.status}</StatusBadge>,
  },
  {
    key: "email",
    header: "Email",
    render: (c) => <MaskedValue masked value={c.email} permission="customer.pii.read" />,
  },
  {
    key: "ltv",
    header: "Lifetime value",
    align: "right",
    render: (c) => `$${c.ltv.toLocaleString("en-US")}`,
  },
  {
    key: "updatedAt",
    header: "Synced",
    render: (c) => (
      <FreshnessBadge at={c.updatedAt} freshness={c.freshness} target={15 * 60_000} limit={12 * 3_600_000} />
    ),
  },
];

/** Stats, the customers table and an empty table. */
export function DataSections() {
  const params = parseTableParams(
    new URLSearchParams("sort=ltv&dir=desc&page=2&size=5&segment=Enterprise"),
    spec,
  );
  return (
    <>
      <Section title="Stats">
        <div className="ab-grid" style={{ gridTemplateColumns: "repeat(auto-fit, minmax(200px, 1fr))" }}>
          <Stat label="Customers" value={1204} delta={{ value: 0.034, period: "vs last week" }} href="#" />
          <Stat
            label="At-risk customers"
            value={87}
            delta={{ value: 0.12, period: "vs last week" }}
            goodDirection="down"
          />
          <Stat
            label="Median time to resolve"
            value={5_400_000}
            format="ms"
            delta={{ value: -0.08, period: "vs last week" }}
            goodDirection="down"
          />
          <Stat
            label="Open alerts"
            value={451}
            footer={
              <FreshnessBadge
                at={minutesAgo(4)}
                freshness={{ state: "fresh", ageMs: 4 * 60_000 }}
                target={15 * 60_000}
                limit={3_600_000}
              />
            }
          />
        </div>
      </Section>
      <Section title="Data table">
        <DataTable
          caption="Customers"
          columns={columns}
          rows={customers}
          rowKey={(c) => c.id}
          rowHref={(c) => `#${c.id}`}
          spec={spec}
          params={params}
          total={1204}
          basePath="/customers"
          noun="customers"
          search="Search name, ID or email"
        />
      </Section>
      <Section title="Empty table">
        <DataTable
          caption="Notes"
          columns={[
            { key: "title", header: "Title" },
            { key: "author", header: "Author" },
          ]}
          rows={[]}
          rowKey={() => ""}
          spec={{ sortable: ["title"] }}
          params={parseTableParams({}, { sortable: ["title"] })}
          total={0}
          basePath="/notes"
          noun="notes"
        />
      </Section>
    </>
  );
}
