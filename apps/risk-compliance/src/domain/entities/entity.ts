import type { Queryable } from "@appbase/db";
import { classifyFreshness, type Freshness, type SyncedStatusSource } from "@appbase/db/synced-status";

/** The served score table and how old its sync may get: scores land daily, so fresh within a day, stale up to three. */
export const SCORES_TABLE = "risk.risk_scores";
export const SCORES_TARGET = { target: 24 * 3_600_000, limit: 72 * 3_600_000 };

/** A monitored entity as the kit shows it (no birth date: that column is PII and this page does not need it). */
export interface EntitySummary {
  entityId: string;
  name: string;
  entityType: string;
  countryCode: string;
  sector: string | null;
  isPep: boolean;
  kycStatus: string;
}

/** One served entity, or null. */
export async function getEntity(db: Queryable, entityId: string): Promise<EntitySummary | null> {
  const { rows } = await db.query(
    "select entity_id, name, entity_type, country_code, sector, is_pep, kyc_status from risk.entities where entity_id = $1",
    [entityId],
  );
  const r = rows[0];
  if (!r) return null;
  return {
    entityId: r.entity_id,
    name: r.name,
    entityType: r.entity_type,
    countryCode: r.country_code,
    sector: r.sector,
    isPep: r.is_pep,
    kycStatus: r.kyc_status,
  };
}

/**
 * The entity's risk scores over time as one line (scores of successive model versions interleave in
 * time, so per-version lines would be disconnected points); each point keeps its model version.
 */
export async function scoreHistory(
  db: Queryable,
  entityId: string,
): Promise<{ at: Date; value: number; model: string }[]> {
  const { rows } = await db.query<{ model_version: string; scored_at: Date; score: number }>(
    "select model_version, scored_at, score from risk.risk_scores where entity_id = $1 order by scored_at, model_version",
    [entityId],
  );
  return rows.map((r) => ({ at: new Date(r.scored_at), value: Number(r.score), model: r.model_version }));
}

/** When the scores were last synced and how fresh that is; no recorded status reads as never synced. */
export async function scoresFreshness(
  source: SyncedStatusSource,
  now = new Date(),
): Promise<{ lastSyncTime: Date | null; freshness: Freshness }> {
  const read = await source.read([SCORES_TABLE]);
  const lastSyncTime = read.known ? (read.tables[0]?.lastSyncTime ?? null) : null;
  return { lastSyncTime, freshness: classifyFreshness(lastSyncTime, now, SCORES_TARGET) };
}
