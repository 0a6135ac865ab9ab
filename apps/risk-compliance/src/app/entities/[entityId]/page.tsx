import { FreshnessBadge } from "@appbase/ui/badges";
import { TimeSeriesChart } from "@appbase/ui/charts";
import { PageHeader } from "@appbase/ui/shell";
import { ErrorState } from "@appbase/ui/states";
import { EntityCustomerLinks } from "../../../components/entity-customer-links.tsx";
import { getEntity, SCORES_TARGET, scoreHistory, scoresFreshness } from "../../../domain/entities/entity.ts";
import { customersOfEntities } from "../../../domain/entities/entity-customers.ts";
import { db, pageViewer, server } from "../../../server/kit.ts";

export default async function EntityPage({ params }: { params: Promise<{ entityId: string }> }) {
  const viewer = await pageViewer("alert.read", "entities");
  if (!viewer.identity) return viewer.refusal;
  const { entityId } = await params;
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(entityId))
    return <ErrorState title="No such entity" message="The link names no entity." />;
  const pool = await db();
  const entity = await getEntity(pool, entityId);
  if (!entity)
    return (
      <ErrorState title="No such entity" message={`Entity ${entityId} is not among the served entities.`} />
    );
  const [history, freshness] = await Promise.all([
    scoreHistory(pool, entityId),
    scoresFreshness(server.syncedStatus(pool)),
  ]);
  return (
    <>
      <PageHeader
        title={entity.name}
        description={`${entity.entityId} · ${entity.entityType} · ${entity.countryCode}${entity.sector ? ` · ${entity.sector}` : ""} · KYC ${entity.kycStatus}${entity.isPep ? " · PEP" : ""}`}
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
      <EntityCustomerLinks parties={await customersOfEntities(pool, [entityId])} />
      <TimeSeriesChart
        title="Risk score history"
        description={`Synced from gold; model versions ${[...new Set(history.map((p) => p.model))].join(", ") || "none"}`}
        series={[
          { key: "score", label: "Risk score", points: history.map(({ at, value }) => ({ at, value })) },
        ]}
      />
    </>
  );
}
