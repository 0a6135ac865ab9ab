import type pg from "pg";
import { inLockedTransaction } from "../locked-transaction.ts";

const LOCK = "operations_portal.asset_health";
const ANALYZE_AFTER = 1_000;

/** Asset `a`'s latest synced score as `s`: one backward probe of the scores' key (asset_id, scored_at). */
export const LATEST_SCORE = `left join lateral (
    select health_score, anomaly_score, scored_at from operations.asset_scores s
     where s.asset_id = a.asset_id order by s.scored_at desc limit 1) s on true`;

const UPSERT = `on conflict (asset_id) do update
                  set health_score = excluded.health_score, anomaly_score = excluded.anomaly_score,
                      scored_at = excluded.scored_at`;

type Client = Pick<pg.PoolClient, "query">;

/**
 * Brings `operations_portal.asset_health` (each asset's latest score, which the asset list sorts along)
 * up to the synced scores before a list reads it. When no newer score was synced this is one query of
 * two index probes; otherwise the new scores are folded in (a first call fills the table), once across
 * instances and requests: the others wait on the same lock and then find nothing left to do.
 */
export async function refreshAssetHealth(pool: pg.Pool): Promise<void> {
  if (!(await behind(pool))) return;
  await inLockedTransaction(pool, LOCK, async (client) => {
    if (await behind(client)) await foldNewScores(client);
  });
}

/**
 * The periodic pass (src/server/asset-health.ts): adds assets synced since (with their latest score, if
 * any), drops assets no longer synced, and folds in new scores (also those synced late at the time of
 * the newest kept score, which a list read cannot tell from the ones it has). With `rebuild` (at startup) every
 * asset's latest score is read again, which also undoes a re-sync that replaced scores by older ones.
 */
export async function reconcileAssetHealth(
  pool: pg.Pool,
  options: { rebuild?: boolean } = {},
): Promise<{ added: number; removed: number; rescored: number }> {
  return inLockedTransaction(pool, LOCK, async (client) => {
    const missing = options.rebuild
      ? ""
      : "where not exists (select 1 from operations_portal.asset_health h where h.asset_id = a.asset_id)";
    const added = await client.query(
      `insert into operations_portal.asset_health (asset_id, health_score, anomaly_score, scored_at)
       select a.asset_id, s.health_score, s.anomaly_score, s.scored_at from operations.assets a ${LATEST_SCORE}
        ${missing} order by a.asset_id
       ${UPSERT} where (asset_health.scored_at, asset_health.health_score, asset_health.anomaly_score)
                 is distinct from (excluded.scored_at, excluded.health_score, excluded.anomaly_score)`,
    );
    const removed = await client.query(
      `delete from operations_portal.asset_health h
        where not exists (select 1 from operations.assets a where a.asset_id = h.asset_id)`,
    );
    // Unconditional: a score synced later at the very time of the newest kept one is no newer than it.
    const rescored = await foldNewScores(client);
    await analyzeAfter(client, (added.rowCount ?? 0) + (removed.rowCount ?? 0));
    return { added: added.rowCount ?? 0, removed: removed.rowCount ?? 0, rescored };
  });
}

/** Whether a score newer than any kept was synced (or nothing is kept yet while assets are synced). */
async function behind(db: Client): Promise<boolean> {
  const { rows } = await db.query<{ behind: boolean }>(
    `select coalesce(synced > kept, synced is not null and kept is null)
            or (not exists (select 1 from operations_portal.asset_health)
                and exists (select 1 from operations.assets)) as behind
       from (select (select max(scored_at) from operations.asset_scores) as synced,
                    (select max(scored_at) from operations_portal.asset_health) as kept) newest`,
  );
  return rows[0]?.behind ?? false;
}

/**
 * Folds the scores synced at or after the time of the newest kept one into the table, where they are
 * newer than the asset's kept score (each asset's newest wins). With nothing kept yet, every asset's
 * latest score is read by its own probe rather than by sorting the whole score history.
 */
async function foldNewScores(client: Client): Promise<number> {
  const { rows } = await client.query<{ since: Date | null }>(
    "select max(scored_at) as since from operations_portal.asset_health",
  );
  const since = rows[0]?.since ?? null;
  const fresh = since
    ? `select f.asset_id, f.health_score, f.anomaly_score, f.scored_at
         from (select distinct on (asset_id) asset_id, health_score, anomaly_score, scored_at
                 from operations.asset_scores where scored_at >= $1 order by asset_id, scored_at desc) f
         left join operations_portal.asset_health h on h.asset_id = f.asset_id
        where h.scored_at is null or f.scored_at > h.scored_at
        order by f.asset_id`
    : `select a.asset_id, s.health_score, s.anomaly_score, s.scored_at from operations.assets a ${LATEST_SCORE}
        order by a.asset_id`;
  const result = await client.query(
    `insert into operations_portal.asset_health (asset_id, health_score, anomaly_score, scored_at)
     ${fresh}
     ${UPSERT} where asset_health.scored_at is null or excluded.scored_at > asset_health.scored_at`,
    since ? [since] : [],
  );
  await analyzeAfter(client, result.rowCount ?? 0);
  return result.rowCount ?? 0;
}

/**
 * Fresh planner statistics after a large change (PGlite has no autovacuum), so the list's "about N"
 * and its plans follow the table.
 */
async function analyzeAfter(client: Client, changedRows: number): Promise<void> {
  if (changedRows >= ANALYZE_AFTER) await client.query("analyze operations_portal.asset_health");
}
