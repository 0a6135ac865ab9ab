import { KitEntityLink } from "@appbase/next-kit/kit-link";
import { ageLabel, slaStanding } from "@appbase/queue/sla";
import { StatusBadge } from "@appbase/ui/badges";
import { type QueueItem, QueueList } from "@appbase/ui/queue";
import { PageHeader } from "@appbase/ui/shell";
import Link from "next/link";
import { AlertControls } from "../../components/alert-controls.tsx";
import { HandToAgentButton } from "../../components/hand-to-agent-button.tsx";
import { handoffsOf } from "../../domain/agent-handoff/hand-to-agent.ts";
import type { Alert } from "../../domain/alerts/alert-queue.ts";
import { type AlertView, listAlerts } from "../../domain/alerts/alerts.ts";
import { listTechnicians } from "../../domain/work-orders/technicians.ts";
import { can, db, pageViewer } from "../../server/kit.ts";
import { linkTo } from "../../server/links.ts";
import { enrollOnVisit } from "../../server/roster.ts";

const VIEWS: { key: AlertView; label: string }[] = [
  { key: "open", label: "Open" },
  { key: "mine", label: "Claimed by me" },
  { key: "closed", label: "Recently closed" },
];
const PRIORITY = { 1: "critical", 2: "high", 3: "medium" } as const;
const SLA_TONE = {
  "on-track": "success",
  "due-soon": "warning",
  breached: "danger",
  met: "success",
  missed: "danger",
  none: "neutral",
} as const;
const STATUS_TONE = {
  open: "info",
  claimed: "warning",
  acknowledged: "success",
  dismissed: "neutral",
  work_order: "success",
} as const;

/** The operator's alert queue: threshold alerts from the latest scores, most critical and most overdue first. */
export default async function AlertsPage({ searchParams }: { searchParams: Promise<{ view?: string }> }) {
  const viewer = await pageViewer("alert.read", "the alert queue");
  if (!viewer.identity) return viewer.refusal;
  const identity = viewer.identity;
  const requested = (await searchParams).view;
  const view = VIEWS.find((v) => v.key === requested)?.key ?? "open";
  const pool = await db();
  await enrollOnVisit(identity);
  const [alerts, technicians] = await Promise.all([
    listAlerts(pool, { view, actor: identity.email }),
    listTechnicians(pool),
  ]);
  const now = new Date();
  const byId = new Map(alerts.map((a) => [a.id, a]));
  // Alerts handed to an agent link to its thread in Agent Ops.
  const handoffs = await handoffsOf(
    pool,
    alerts.map((a) => a.id),
  );
  const threadLinks = new Map(
    await Promise.all(
      [...handoffs.values()].map(
        async (h) =>
          [h.alertId, await linkTo({ kit: h.agentKit, entity: "thread", id: h.threadId })] as const,
      ),
    ),
  );
  const mayHand = can(identity, "alert.hand-to-agent");
  const items: QueueItem[] = alerts.map((a) => {
    const sla = slaStanding({ createdAt: a.createdAt, dueAt: a.dueAt, closedAt: a.closedAt }, now);
    return {
      id: a.id,
      title: `${a.assetId} · ${a.ruleDescription} (${a.value})`,
      href: `/assets/${a.assetId}`,
      status: { label: a.status.replace("_", " "), tone: STATUS_TONE[a.status] },
      priority: PRIORITY[a.priority as 1 | 2 | 3] ?? "medium",
      claimedBy: a.claimedBy,
      leaseExpiresAt: a.leaseExpiresAt,
      createdAt: a.createdAt,
      meta: (
        <span className="op-row">
          <span>
            {a.assetType.replace("_", " ")} at site {a.siteId}
          </span>
          <StatusBadge tone={SLA_TONE[sla.state]}>SLA {sla.state.replace("-", " ")}</StatusBadge>
          <span className="op-muted">age {ageLabel(sla.ageMs)}</span>
          {a.duplicateCount > 0 ? <span className="op-muted">seen {a.duplicateCount + 1}×</span> : null}
          {a.resolutionNote ? <span className="op-muted">“{a.resolutionNote}”</span> : null}
          {a.workOrderId ? <Link href={`/work-orders/${a.workOrderId}`}>work order</Link> : null}
          {threadLinks.get(a.id) ? (
            <span data-testid="handed-to-agent">
              handed to agent:{" "}
              <KitEntityLink link={threadLinks.get(a.id) as NonNullable<ReturnType<typeof threadLinks.get>>}>
                thread {handoffs.get(a.id)?.threadId}
              </KitEntityLink>
            </span>
          ) : null}
        </span>
      ),
    };
  });
  const controls = (item: QueueItem) => {
    const a = byId.get(item.id) as Alert;
    if (a.status !== "open" && a.status !== "claimed") return null;
    const live = a.claimedBy !== null && a.leaseExpiresAt !== null && a.leaseExpiresAt > now;
    return (
      <>
        {mayHand && !handoffs.has(a.id) ? <HandToAgentButton alertId={a.id} /> : null}
        <AlertControls
          alertId={a.id}
          version={a.version}
          heldByMe={live && a.claimedBy === identity.email}
          heldByOther={live && a.claimedBy !== identity.email}
          can={{
            claim: can(identity, "alert.claim"),
            resolve: can(identity, "alert.resolve"),
            createWorkOrder: can(identity, "work-order.create"),
          }}
          suggestedTitle={`${a.ruleDescription} on ${a.assetId}`}
          suggestedPriority={a.priority === 1 ? "urgent" : a.priority === 2 ? "high" : "medium"}
          technicians={technicians.map((t) => ({ id: t.id, displayName: t.displayName }))}
        />
      </>
    );
  };
  return (
    <>
      <PageHeader
        title="Alert queue"
        description="Threshold rules per asset class turn the latest scores into alerts, one per asset and rule. Claim one to work it."
      />
      <nav className="op-row" aria-label="Alert views" style={{ marginBottom: "0.75rem" }}>
        {VIEWS.map((v) => (
          <Link
            key={v.key}
            className="ab-button ab-button--secondary"
            href={`/alerts?view=${v.key}`}
            aria-current={v.key === view ? "page" : undefined}
          >
            {v.label}
          </Link>
        ))}
      </nav>
      <QueueList
        items={items}
        now={now}
        currentUser={identity.email}
        renderActions={controls}
        label="Alerts"
        empty="No alerts here."
      />
    </>
  );
}
