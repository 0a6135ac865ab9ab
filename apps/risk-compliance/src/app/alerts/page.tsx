import { tableParams } from "@appbase/next-kit/query";
import { Pager } from "@appbase/ui/data-table";
import { PageHeader } from "@appbase/ui/shell";
import { EmptyState } from "@appbase/ui/states";
import Link from "next/link";
import { BULK_FORM_ID, BulkAlertsForm } from "../../components/bulk-alerts-form.tsx";
import { SlaBadge } from "../../components/sla-badge.tsx";
import { DISMISS_RESOLUTIONS } from "../../domain/alerts/alert-queue.ts";
import { type AlertView, alertTableSpec, listAlerts } from "../../domain/alerts/list-alerts.ts";
import { can, db, pageViewer } from "../../server/kit.ts";

const VIEWS: { view: AlertView; label: string }[] = [
  { view: "open", label: "Open" },
  { view: "mine", label: "Claimed by me" },
  { view: "breached", label: "Breached" },
  { view: "snoozed", label: "Snoozed" },
  { view: "closed", label: "Closed" },
];

export default async function AlertsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await pageViewer("alert.read", "the alert queue");
  if (!viewer.identity) return viewer.refusal;
  const search = await searchParams;
  const view = VIEWS.find((v) => v.view === search.view)?.view ?? "open";
  const params = tableParams(search, alertTableSpec);
  const page = await listAlerts(await db(), { view, viewer: viewer.identity.email, params });
  const alerts = page.rows;
  const now = new Date();
  // Leads (alert.reassign) tick open alerts and assign or dismiss them in one go.
  const bulk = view !== "closed" && can(viewer.identity, "alert.reassign");
  return (
    <>
      <PageHeader
        title="Alert queue"
        description="Most severe first, then soonest due. Claim an alert to work it; a claim holds for 15 minutes."
      />
      <nav className="rc-row" aria-label="Queue views">
        {VIEWS.map((v) => (
          <Link
            key={v.view}
            href={`/alerts?view=${v.view}`}
            aria-current={v.view === view ? "page" : undefined}
            className="ab-button"
          >
            {v.label}
          </Link>
        ))}
      </nav>
      {bulk && alerts.length > 0 && <BulkAlertsForm resolutions={DISMISS_RESOLUTIONS} />}
      {alerts.length === 0 ? (
        <EmptyState title="No alerts here" />
      ) : (
        <table className="ab-table">
          <thead>
            <tr>
              {bulk && <th aria-label="Select" />}
              <th>Alert</th>
              <th>Rule</th>
              <th>Entity</th>
              <th>Severity</th>
              <th>Age / SLA</th>
              <th>Status</th>
            </tr>
          </thead>
          <tbody>
            {alerts.map((a) => (
              <tr key={a.id}>
                {bulk && (
                  <td>
                    <input
                      type="checkbox"
                      form={BULK_FORM_ID}
                      name="item"
                      value={`${a.id}:${a.version}`}
                      aria-label={`Select ${a.sourceAlertId ?? a.id.slice(0, 8)}`}
                    />
                  </td>
                )}
                <td>
                  <Link href={`/alerts/${a.id}`}>{a.sourceAlertId ?? a.id.slice(0, 8)}</Link>
                  {a.duplicateCount > 0 && <span className="rc-muted"> ×{a.duplicateCount + 1}</span>}
                </td>
                <td>
                  <code>{a.ruleId}</code> {a.ruleName}
                </td>
                <td>
                  <Link href={`/entities/${a.entityId}`}>{a.entityId}</Link>
                </td>
                <td>{a.severity}</td>
                <td>
                  <SlaBadge createdAt={a.createdAt} dueAt={a.dueAt} closedAt={a.closedAt} now={now} />
                </td>
                <td>
                  {a.status}
                  {a.claimedBy && a.status === "claimed" ? ` by ${a.claimedBy}` : ""}
                  {a.snoozedUntil && a.snoozedUntil > now ? ` · snoozed: ${a.snoozeReason}` : ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager
        basePath="/alerts"
        spec={alertTableSpec}
        params={params}
        total={page.total}
        totalEstimated={page.estimated}
        keyset={{ next: page.next, prev: page.prev }}
        rowCount={alerts.length}
        extraParams={{ view }}
        noun="alerts"
      />
    </>
  );
}
