import { ActivityList } from "@appbase/ui/activity";
import { Banner, FreshnessBadge } from "@appbase/ui/badges";
import { ButtonLink } from "@appbase/ui/forms";
import { PageHeader } from "@appbase/ui/shell";
import { ErrorState } from "@appbase/ui/states";
import { ConsentCard } from "../../../components/consent-card.tsx";
import { FeaturesCard } from "../../../components/features-card.tsx";
import { NotesPanel } from "../../../components/notes-panel.tsx";
import { ProfileCard } from "../../../components/profile-card.tsx";
import { StatusMover } from "../../../components/status-mover.tsx";
import { SyncBanner } from "../../../components/sync-banner.tsx";
import { TasksPanel } from "../../../components/tasks-panel.tsx";
import { describeActivity, listActivity } from "../../../domain/activity/activity.ts";
import { recordPiiAccess } from "../../../domain/audit/pii-access.ts";
import { customerAccess } from "../../../domain/customers/access.ts";
import { getCustomer } from "../../../domain/customers/get-customer.ts";
import { readSynced } from "../../../domain/freshness/synced-read.ts";
import { SYNC_TARGET } from "../../../domain/freshness/targets.ts";
import { listNotes } from "../../../domain/notes/notes.ts";
import { getWorkflow } from "../../../domain/status/move-status.ts";
import { nextStatuses } from "../../../domain/status/workflow.ts";
import { listTasks } from "../../../domain/tasks/tasks.ts";
import { can, db, pageViewer } from "../../../server/kit.ts";
import { syncHealth } from "../../../server/sync-health.ts";
import { viewerRules } from "../../../server/viewer-rules.ts";

export default async function CustomerPage({ params }: { params: Promise<{ customerId: string }> }) {
  const { customerId } = await params;
  const reader = await pageViewer("customer.read", "customers");
  if (!reader.identity) return reader.refusal;
  const identity = reader.identity;
  if (!/^C\d{7}$/.test(customerId)) {
    return (
      <ErrorState
        title="Not a customer id"
        message={`"${customerId}" is not a customer id (a C and seven digits).`}
        retryHref="/customers"
        retryLabel="Back to customers"
      />
    );
  }
  const now = new Date();
  const pool = await db();
  const sync = await syncHealth(pool, now);
  const fallback = sync.level === "fallback";
  const rules = viewerRules(identity, fallback);
  // Notes, tasks and history belong to the customer: someone who may not see the customer sees none of them.
  const access = await readSynced(() => customerAccess(pool, identity, customerId), "hidden" as const);
  if (access.value === "hidden") {
    return (
      <ErrorState
        title="Not one of your customers"
        message={`No customer ${customerId} among the customers you work. Check the id in the customer list.`}
        retryHref="/customers"
        retryLabel="Back to customers"
      />
    );
  }
  const [synced, workflow, notes, tasks, activity] = await Promise.all([
    readSynced(() => getCustomer(pool, identity, customerId, rules, now), undefined),
    getWorkflow(pool, customerId),
    listNotes(pool, customerId),
    listTasks(pool, customerId),
    listActivity(pool, customerId),
  ]);
  const customer = synced.value;
  await recordPiiAccess(pool, {
    viewer: identity,
    surface: "customer-detail",
    customerIds: customer ? [customerId] : [],
    rules,
  });
  const customersSync = sync.tables.find((t) => t.table === "customer.customers");
  const freshness = (
    <FreshnessBadge
      at={customersSync?.lastSyncTime ?? null}
      freshness={customersSync?.freshness ?? { state: "expired", ageMs: null }}
      target={SYNC_TARGET.target}
      limit={SYNC_TARGET.limit}
    />
  );
  return (
    <>
      <SyncBanner sync={sync} missing={synced.missing} />
      <PageHeader
        title={customer ? customer.fullName.value : customerId}
        description={<code>{customerId}</code>}
        actions={
          <ButtonLink href="/customers" variant="secondary">
            All customers
          </ButtonLink>
        }
      />
      <div className="ch-grid">
        <div className="ch-stack">
          {customer ? (
            <>
              <ProfileCard customer={customer} freshness={freshness} />
              <FeaturesCard features={customer.features} />
              <section className="ch-card" aria-label="Recent interactions">
                <h2>Recent interactions</h2>
                <ActivityList
                  label="Recent interactions"
                  now={now}
                  empty="No interactions recorded."
                  items={customer.interactions.map((i) => ({
                    id: i.id,
                    actor: i.channel,
                    actorKind: "system" as const,
                    action: `${i.kind}: ${i.summary}`,
                    at: i.occurredAt,
                  }))}
                />
              </section>
            </>
          ) : (
            <Banner tone="warning" title="This customer is not in the synced data right now">
              The served customer tables have no row for {customerId} (it may be mid-sync or removed
              upstream). The team's own notes, status and history below are still here.
            </Banner>
          )}
          <NotesPanel customerId={customerId} notes={notes} canWrite={can(identity, "note.write")} />
        </div>
        <div className="ch-stack">
          <StatusMover
            customerId={customerId}
            status={workflow.status}
            version={workflow.version}
            suggested={nextStatuses(workflow.status)}
            canChange={can(identity, "status.change")}
          />
          {customer ? (
            <ConsentCard
              customerId={customerId}
              consents={customer.consents}
              changes={customer.consentChanges}
              canManage={can(identity, "consent.manage")}
            />
          ) : null}
          <TasksPanel
            customerId={customerId}
            tasks={tasks}
            canWrite={can(identity, "task.write")}
            defaultAssignee={identity.email}
            today={now.toISOString().slice(0, 10)}
          />
          <section className="ch-card" aria-label="History">
            <h2>History</h2>
            <ActivityList
              label="History"
              now={now}
              empty="Nothing has changed on this customer yet."
              items={activity.map((a) => ({
                id: String(a.id),
                actor: a.actorEmail,
                action: describeActivity(a),
                at: a.at,
              }))}
            />
          </section>
        </div>
      </div>
    </>
  );
}
