import { PageHeader } from "@appbase/ui/shell";
import { ErrorState } from "@appbase/ui/states";
import { z } from "zod";
import { claimAlertAction, escalateAlertAction } from "../../../actions/alerts.ts";
import { ActionForm } from "../../../components/action-form.tsx";
import { EntityCustomerLinks } from "../../../components/entity-customer-links.tsx";
import { RelevantPolicies } from "../../../components/relevant-policies.tsx";
import { SlaBadge } from "../../../components/sla-badge.tsx";
import { alertQueue } from "../../../domain/alerts/alert-queue.ts";
import { customersOfEntities } from "../../../domain/entities/entity-customers.ts";
import { hasRetrieval } from "../../../domain/policies/policy-versions.ts";
import { searchPolicies } from "../../../domain/policies/search-policies.ts";
import { kitEmbedder } from "../../../server/embedder.ts";
import { can, db, pageViewer } from "../../../server/kit.ts";

export default async function AlertPage({ params }: { params: Promise<{ alertId: string }> }) {
  const viewer = await pageViewer("alert.read", "alerts");
  if (!viewer.identity) return viewer.refusal;
  const { alertId } = await params;
  if (!z.uuid().safeParse(alertId).success)
    return <ErrorState title="No such alert" message="The link names no alert." />;
  const pool = await db();
  const alert = await alertQueue.get(pool, alertId).catch(() => null);
  if (!alert) return <ErrorState title="No such alert" message={`Alert ${alertId} does not exist.`} />;
  const embedder = kitEmbedder();
  const policies = (await hasRetrieval(pool))
    ? await searchPolicies(pool, embedder, { text: alert.ruleName, limit: 3 })
    : null;
  const me = viewer.identity.email;
  const open = alert.status === "new" || alert.status === "claimed";
  const mine = alert.status === "claimed" && alert.claimedBy === me;
  return (
    <>
      <PageHeader
        title={`${alert.ruleId} · ${alert.ruleName}`}
        description={`Entity ${alert.entityId} · ${alert.severity} · score ${alert.score}`}
      />
      <div className="rc-grid">
        <section>
          <div className="rc-card">
            <h2>Alert</h2>
            <p className="rc-row">
              <SlaBadge
                createdAt={alert.createdAt}
                dueAt={alert.dueAt}
                closedAt={alert.closedAt}
                now={new Date()}
              />
              <span>
                {alert.status}
                {alert.claimedBy ? ` by ${alert.claimedBy}` : ""}
              </span>
              {alert.duplicateCount > 0 && (
                <span className="rc-muted">seen {alert.duplicateCount + 1} times</span>
              )}
            </p>
            <EntityCustomerLinks parties={await customersOfEntities(pool, [alert.entityId])} />
            {alert.caseId && (
              <p>
                In case <a href={`/cases/${alert.caseId}`}>{alert.caseId.slice(0, 8)}</a>
              </p>
            )}
            {open && !mine && can(viewer.identity, "alert.claim") && (
              <ActionForm label="Claim" action={claimAlertAction} hidden={{ alertId: alert.id }} />
            )}
            {mine && can(viewer.identity, "case.open") && (
              <ActionForm
                label="Escalate to a case"
                action={escalateAlertAction}
                hidden={{ alertId: alert.id, expectedVersion: String(alert.version) }}
                goTo={{ prefix: "/cases/", field: "caseId" }}
              >
                <label>
                  Risk level{" "}
                  <select name="riskLevel" defaultValue={alert.severity}>
                    {["low", "medium", "high", "critical"].map((l) => (
                      <option key={l}>{l}</option>
                    ))}
                  </select>
                </label>
              </ActionForm>
            )}
          </div>
        </section>
        <RelevantPolicies hits={policies} embedder={embedder} />
      </div>
    </>
  );
}
