import { ActivityList } from "../../src/activity/index.ts";
import { Banner, FreshnessBadge, StatusBadge, type Tone } from "../../src/badges/index.ts";
import {
  BarChart,
  binValues,
  DonutChart,
  FunnelChart,
  HistogramChart,
  TimeSeriesChart,
} from "../../src/charts/index.ts";
import { type Column, DataTable, parseTableParams, type TableSpec } from "../../src/data-table/index.ts";
import {
  ButtonLink,
  ConflictNotice,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
} from "../../src/forms/index.ts";
import { Card, DetailList } from "../../src/layout/index.ts";
import { MaskedValue, maskAddress, maskDate, maskEmail, maskPhone } from "../../src/masked-value/index.ts";
import { QueueList } from "../../src/queue/index.ts";
import { AppShell, EnvironmentBadge, PageHeader } from "../../src/shell/index.ts";
import { EmptyState, ErrorState, LoadingSkeleton } from "../../src/states/index.ts";
import { ProgressBar, Stat } from "../../src/stats/index.ts";
import { alertSeries, customers, kits, minutesAgo, NOW, riskScores, users } from "./sample-data.ts";

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
    render: (c) => <FreshnessBadge at={c.updatedAt} now={NOW} target={15 * 60_000} limit={12 * 3_600_000} />,
  },
];

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section style={{ marginBottom: 28 }}>
      <h2 className="ab-section-title">{title}</h2>
      {children}
    </section>
  );
}

/** Every component with sample data, for looking at and for screenshot review. */
export function GalleryPage() {
  const params = parseTableParams(
    new URLSearchParams("sort=ltv&dir=desc&page=2&size=5&segment=Enterprise"),
    spec,
  );
  return (
    <AppShell
      productName="Customer Intelligence Hub"
      environment="local"
      kits={kits}
      identity={{ users, currentId: "u2", action: "/api/local-identity", fieldName: "userId" }}
      nav={[
        { href: "#", label: "Overview" },
        { href: "#", label: "Customers", current: true, count: 1204 },
        { href: "#", label: "Notes" },
        { href: "#", label: "Queue", count: 17 },
        { href: "#", label: "Freshness" },
      ]}
      banner={
        <Banner
          tone="warning"
          title="Serving data is 42 min behind"
          action={{ href: "#", label: "View sync status" }}
        >
          The customer_360 synced table last completed at 08:48 UTC; values below may be out of date.
        </Banner>
      }
    >
      <PageHeader
        title="Customers"
        description="Governed Customer 360, served from the synced gold table."
        actions={
          <>
            <ButtonLink href="#">Export CSV</ButtonLink>
            <ButtonLink href="#" variant="primary">
              New note
            </ButtonLink>
          </>
        }
      />
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
            footer={<FreshnessBadge at={minutesAgo(4)} now={NOW} target={15 * 60_000} limit={3_600_000} />}
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
      <Section title="Badges, masking and banners">
        <div className="ab-grid">
          <div className="ab-card ab-stack" style={{ gap: 10 }}>
            <div style={{ display: "flex", gap: 6, flexWrap: "wrap" }}>
              <StatusBadge>Draft</StatusBadge>
              <StatusBadge tone="info">In review</StatusBadge>
              <StatusBadge tone="success">Resolved</StatusBadge>
              <StatusBadge tone="warning">On hold</StatusBadge>
              <StatusBadge tone="danger">Blocked</StatusBadge>
            </div>
            <div style={{ display: "flex", gap: 6, flexWrap: "wrap" }}>
              <FreshnessBadge at={minutesAgo(4)} now={NOW} target={15 * 60_000} limit={3_600_000} />
              <FreshnessBadge at={minutesAgo(42)} now={NOW} target={15 * 60_000} limit={3_600_000} />
              <FreshnessBadge at={minutesAgo(300)} now={NOW} target={15 * 60_000} limit={3_600_000} />
              <FreshnessBadge at={null} now={NOW} target={15 * 60_000} limit={3_600_000} />
            </div>
            <div style={{ display: "flex", gap: 6, flexWrap: "wrap" }}>
              <EnvironmentBadge mode="local" />
              <EnvironmentBadge mode="postgres" />
              <EnvironmentBadge mode="databricks-apps" />
              <EnvironmentBadge mode="local" detail="branch: preview-site-7" />
            </div>
          </div>
          <div className="ab-card">
            <table className="ab-mini-table" style={{ marginTop: 0, width: "100%" }}>
              <tbody>
                <tr>
                  <th>Email</th>
                  <td>
                    <MaskedValue
                      masked
                      value={maskEmail("jane.doe@example.com")}
                      permission="customer.pii.read"
                    />
                  </td>
                </tr>
                <tr>
                  <th>Phone</th>
                  <td>
                    <MaskedValue
                      masked
                      value={maskPhone("+1 (415) 555-0142")}
                      permission="customer.pii.read"
                    />
                  </td>
                </tr>
                <tr>
                  <th>Address</th>
                  <td>
                    <MaskedValue
                      masked
                      value={maskAddress("221B Baker Street, London NW1 6XE, UK")}
                      permission="customer.pii.read"
                    />
                  </td>
                </tr>
                <tr>
                  <th>Born</th>
                  <td>
                    <MaskedValue masked value={maskDate("1985-03-14")} permission="customer.pii.read" />
                  </td>
                </tr>
                <tr>
                  <th>Tax ID</th>
                  <td>
                    <MaskedValue masked permission="customer.tax.read" />
                  </td>
                </tr>
                <tr>
                  <th>Segment</th>
                  <td>
                    <MaskedValue masked={false} value="Enterprise" />
                  </td>
                </tr>
              </tbody>
            </table>
          </div>
        </div>
        <div className="ab-stack" style={{ marginTop: 16, gap: 8 }}>
          <Banner title="Preview branch">
            You are looking at branch preview-site-7; writes go to the branch, not to main.
          </Banner>
          <Banner tone="danger" title="Lakebase is unreachable" action={{ href: "#", label: "Retry" }}>
            Showing the last synced snapshot. Check that the local platform is running (pnpm appbase up).
          </Banner>
        </div>
      </Section>
      <Section title="Queue and activity">
        <div className="ab-grid" style={{ gridTemplateColumns: "3fr 2fr", alignItems: "start" }}>
          <QueueList
            now={NOW}
            currentUser="Marcus Lee"
            items={[
              {
                id: "AL-2291",
                title: "Velocity spike on card ending 4471",
                href: "#",
                status: { label: "Open", tone: "danger" },
                priority: "critical",
                createdAt: minutesAgo(7),
                meta: "Score 0.97",
              },
              {
                id: "AL-2288",
                title: "Sanctions list near-match: Orion Trading LLC",
                href: "#",
                status: { label: "Investigating", tone: "info" },
                priority: "high",
                claimedBy: "Marcus Lee",
                leaseExpiresAt: new Date(NOW.getTime() + 11 * 60_000),
                createdAt: minutesAgo(55),
                meta: "Score 0.88",
              },
              {
                id: "AL-2280",
                title: "Dormant account reactivated with large transfer",
                href: "#",
                status: { label: "Investigating", tone: "info" },
                priority: "medium",
                claimedBy: "Priya Raman",
                leaseExpiresAt: minutesAgo(3),
                createdAt: minutesAgo(140),
                meta: "Score 0.71",
              },
              {
                id: "AL-2275",
                title: "Address change followed by card reissue",
                href: "#",
                status: { label: "Snoozed", tone: "neutral" },
                priority: "low",
                createdAt: minutesAgo(400),
              },
            ]}
            renderActions={(item) => (item.claimedBy ? null : <ButtonLink href="#">Claim</ButtonLink>)}
          />
          <div className="ab-card">
            <ActivityList
              now={NOW}
              items={[
                {
                  id: "1",
                  actor: "Marcus Lee",
                  action: "claimed",
                  target: "AL-2288",
                  href: "#",
                  at: minutesAgo(2),
                },
                {
                  id: "2",
                  actor: "Triage agent",
                  actorKind: "agent",
                  action: "proposed block_and_review for",
                  target: "AL-2291",
                  at: minutesAgo(6),
                  detail: "Tool call: lookup_velocity(card=••••4471) → 14 txns / 5 min",
                  tone: "warning",
                },
                {
                  id: "3",
                  actor: "Priya Raman",
                  action: "approved decision on",
                  target: "case C-1042",
                  at: minutesAgo(48),
                  tone: "success",
                },
                {
                  id: "4",
                  actor: "Synced Tables",
                  actorKind: "system",
                  action: "refreshed",
                  target: "risk_scores",
                  at: minutesAgo(61),
                },
              ]}
            />
          </div>
        </div>
      </Section>
      <Section title="Cards, details and progress">
        <div className="ab-grid">
          <Card
            title="Amelia Hart"
            subtitle="C-10231 · Enterprise"
            actions={<StatusBadge tone="success">active</StatusBadge>}
          >
            <DetailList
              items={[
                { label: "Account owner", value: "Marcus Lee" },
                { label: "Region", value: "EMEA" },
                {
                  label: "Email",
                  value: <MaskedValue masked value="a•••@northwind.io" permission="customer.pii.read" />,
                },
                {
                  label: "Phone",
                  value: (
                    <MaskedValue
                      masked
                      value={maskPhone("+44 20 7946 0958")}
                      permission="customer.pii.read"
                    />
                  ),
                },
                { label: "Churn risk", value: "0.12 (low)" },
                { label: "Next renewal", value: null },
              ]}
            />
          </Card>
          <Card title="Synced tables" subtitle="local Lakebase · TRIGGERED">
            <div className="ab-stack" style={{ gap: 14 }}>
              <ProgressBar
                label="customer_360"
                value={50_000}
                max={50_000}
                unit="rows"
                tone="success"
                detail="Synced 4 min ago"
              />
              <ProgressBar
                label="risk_scores"
                value={12_400}
                max={50_000}
                unit="rows"
                detail="Copying changes since version 41"
              />
              <ProgressBar label="Staging bundle for customer-hub" detail="Resolving app.yaml resources…" />
            </div>
          </Card>
        </div>
      </Section>
      <Section title="Forms">
        <div className="ab-grid">
          <form className="ab-card" action="#">
            <TextField name="title" label="Title" defaultValue="Follow up on renewal" required />
            <SelectField
              name="status"
              label="Status"
              placeholder="Choose a status…"
              defaultValue=""
              error="status: choose one of Open, Waiting, Done."
              options={[
                { value: "open", label: "Open" },
                { value: "waiting", label: "Waiting" },
                { value: "done", label: "Done" },
              ]}
            />
            <TextAreaField
              name="body"
              label="Note"
              maxLength={280}
              hint="Visible to everyone with customer.notes.read."
              defaultValue="Customer asked for a call next week about the enterprise tier; send pricing beforehand."
            />
            <SubmitButton pendingLabel="Saving…">Save note</SubmitButton>
          </form>
          <div className="ab-stack">
            <ConflictNotice
              now={NOW}
              theirVersion={8}
              theirUpdatedBy="Priya Raman"
              theirUpdatedAt={minutesAgo(1)}
              reloadHref="#"
              changes={[{ field: "Status", theirs: "Waiting", mine: "Done" }]}
              overwrite={{ action: "#", fields: { status: "done" } }}
            />
            <div className="ab-card">
              <LoadingSkeleton variant="table" rows={3} />
            </div>
          </div>
        </div>
      </Section>
      <Section title="States">
        <div className="ab-grid">
          <div className="ab-card">
            <EmptyState
              title="No notes yet"
              description="Notes you and your team add to this customer appear here."
              action={{ href: "#", label: "Add a note" }}
            />
          </div>
          <div className="ab-card">
            <ErrorState
              message={
                <>
                  Could not read <code>app.customer_notes</code>: permission denied for role analyst. Ask an
                  admin to grant customer.notes.read.
                </>
              }
              retryHref="#"
              reference="req_7f3a91"
            />
          </div>
          <div className="ab-card">
            <LoadingSkeleton variant="card" rows={4} />
          </div>
        </div>
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
    </AppShell>
  );
}
