import { PageHeader } from "@appbase/ui/shell";
import { EmptyState } from "@appbase/ui/states";
import Link from "next/link";
import { PriorityBadge, TargetBadge, WorkOrderStatusBadge } from "../../components/work-order-badges.tsx";
import { listWorkOrders } from "../../domain/work-orders/list-work-orders.ts";
import { workOrderLabel } from "../../domain/work-orders/work-order.ts";
import { db, pageViewer } from "../../server/kit.ts";
import { enrollOnVisit } from "../../server/roster.ts";

/** A technician's own open work, as cards that read on a phone. */
export default async function MyWorkPage() {
  const viewer = await pageViewer("work-order.read", "work orders");
  if (!viewer.identity) return viewer.refusal;
  await enrollOnVisit(viewer.identity);
  const now = new Date();
  const page = await listWorkOrders(
    await db(),
    viewer.identity,
    { assigneeId: viewer.identity.userId, status: "backlog", limit: 100 },
    now,
  );
  return (
    <>
      <PageHeader
        title="My work orders"
        description={`Open work assigned to ${viewer.identity.displayName}, the nearest target first.`}
      />
      {page.rows.length === 0 ? (
        <EmptyState
          title="Nothing assigned to you"
          description="Work orders a planner assigns to you appear here."
        />
      ) : (
        <ul className="op-cards" aria-label="My work orders">
          {page.rows.map((o) => (
            <li key={o.id} className="op-card">
              <Link href={`/work-orders/${o.id}`}>
                <div className="op-row">
                  <code>{workOrderLabel(o)}</code>
                  <WorkOrderStatusBadge status={o.status} />
                  <PriorityBadge priority={o.priority} />
                  <TargetBadge order={o} now={now} />
                </div>
                <p className="op-card__title">{o.title}</p>
                <p className="op-muted">
                  {o.assetTag ?? o.assetId} · {o.assetType} · site {o.siteId}
                </p>
                <p className="op-muted">
                  Complete by {o.completionDueAt.toISOString().slice(0, 16).replace("T", " ")} UTC
                </p>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
