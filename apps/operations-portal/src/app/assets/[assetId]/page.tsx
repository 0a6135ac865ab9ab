import { NotFoundError } from "@appbase/next-kit/errors";
import { FreshnessBadge, StatusBadge } from "@appbase/ui/badges";
import { Card, DetailList } from "@appbase/ui/layout";
import { PageHeader } from "@appbase/ui/shell";
import { ErrorState } from "@appbase/ui/states";
import Link from "next/link";
import { CreateWorkOrderForm } from "../../../components/create-work-order-form.tsx";
import { ScoreTrend } from "../../../components/score-trend.tsx";
import { PriorityBadge, TargetBadge, WorkOrderStatusBadge } from "../../../components/work-order-badges.tsx";
import { listAlerts } from "../../../domain/alerts/alerts.ts";
import { rulesFor } from "../../../domain/alerts/rules.ts";
import { getAsset, scoreTrend } from "../../../domain/assets/assets.ts";
import { SCORES_TARGET, scoresFreshness } from "../../../domain/assets/freshness.ts";
import { listWorkOrders } from "../../../domain/work-orders/list-work-orders.ts";
import { listTechnicians } from "../../../domain/work-orders/technicians.ts";
import { workOrderLabel } from "../../../domain/work-orders/work-order.ts";
import { can, db, pageViewer, server } from "../../../server/kit.ts";

export default async function AssetPage({ params }: { params: Promise<{ assetId: string }> }) {
  const viewer = await pageViewer("asset.read", "assets");
  if (!viewer.identity) return viewer.refusal;
  const { assetId } = await params;
  const pool = await db();
  const asset = await getAsset(pool, decodeURIComponent(assetId).slice(0, 40)).catch((e: unknown) => {
    if (e instanceof NotFoundError) return null;
    throw e;
  });
  if (!asset)
    return <ErrorState title="No such asset" message="Check the id, or find the asset in the asset list." />;
  const now = new Date();
  const [trend, freshness, open, technicians, alerts] = await Promise.all([
    can(viewer.identity, "score.read") ? scoreTrend(pool, asset.assetId) : Promise.resolve(null),
    scoresFreshness(server.syncedStatus(pool), now),
    listWorkOrders(pool, viewer.identity, { assetId: asset.assetId, status: "backlog" }, now),
    listTechnicians(pool),
    can(viewer.identity, "alert.read")
      ? listAlerts(pool, { view: "open", actor: viewer.identity.email, assetId: asset.assetId })
      : Promise.resolve(null),
  ]);
  return (
    <>
      <PageHeader
        title={`${asset.tag} · ${asset.assetType.replace("_", " ")}`}
        description={`${asset.manufacturer} ${asset.model} at ${asset.siteName ?? asset.siteId}`}
        actions={
          <FreshnessBadge
            at={freshness.lastSyncTime}
            freshness={freshness.freshness}
            target={SCORES_TARGET.target}
            limit={SCORES_TARGET.limit}
            verb="scores synced"
          />
        }
      />
      <div className="op-grid">
        <Card title="Asset">
          <DetailList
            items={[
              { label: "Asset id", value: asset.assetId },
              {
                label: "Status",
                value: (
                  <StatusBadge
                    tone={
                      asset.status === "down" ? "danger" : asset.status === "degraded" ? "warning" : "success"
                    }
                  >
                    {asset.status}
                  </StatusBadge>
                ),
              },
              { label: "Criticality", value: asset.criticality },
              { label: "Installed", value: asset.installDate },
              { label: "Latest health", value: asset.healthScore?.toFixed(1) ?? "—" },
              { label: "Latest anomaly", value: asset.anomalyScore?.toFixed(3) ?? "—" },
              {
                label: "Scored at",
                value: asset.scoredAt?.toISOString().slice(0, 16).replace("T", " ") ?? "—",
              },
              {
                label: "Alert rules",
                value: rulesFor(asset.assetType)
                  .map((r) => r.description)
                  .join("; "),
              },
            ]}
          />
        </Card>
        <Card title="Score trend">
          {trend ? (
            <ScoreTrend points={trend} />
          ) : (
            <p className="op-muted">Your role cannot read scores (needs score.read).</p>
          )}
        </Card>
      </div>
      <div className="op-grid">
        <Card
          title="Alerts"
          subtitle={alerts ? `${alerts.length} open` : undefined}
          actions={<Link href="/alerts">Alert queue</Link>}
        >
          {alerts === null ? (
            <p className="op-muted">Your role cannot read alerts (needs alert.read).</p>
          ) : alerts.length === 0 ? (
            <p className="op-muted">No open alerts on this asset.</p>
          ) : (
            <ul className="op-checklist" aria-label="Open alerts">
              {alerts.map((a) => (
                <li key={a.id} className="op-row">
                  <StatusBadge tone={a.priority === 1 ? "danger" : "warning"}>{a.status}</StatusBadge>
                  {a.ruleDescription} (value {a.value})
                  {a.claimedBy ? <span className="op-muted">claimed by {a.claimedBy}</span> : null}
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title="Open work orders" subtitle={`${open.total} not closed`}>
          {open.rows.length === 0 ? (
            <p className="op-muted">No open work on this asset.</p>
          ) : (
            <ul className="op-checklist">
              {open.rows.map((o) => (
                <li key={o.id} className="op-row">
                  <Link href={`/work-orders/${o.id}`}>{workOrderLabel(o)}</Link> {o.title}
                  <WorkOrderStatusBadge status={o.status} />
                  <PriorityBadge priority={o.priority} />
                  <TargetBadge order={o} now={now} />
                </li>
              ))}
            </ul>
          )}
        </Card>
        {can(viewer.identity, "work-order.create") ? (
          <Card title="Open a work order">
            <CreateWorkOrderForm
              assetId={asset.assetId}
              technicians={technicians.map((t) => ({ id: t.id, displayName: t.displayName }))}
            />
          </Card>
        ) : null}
      </div>
    </>
  );
}
