import { classifyFreshness, type Freshness, type SyncedStatusSource } from "@appbase/db/synced-status";

/** The served score table and how old its sync may get: fresh within 6 h (scores land every 6 h), stale up to a day. */
export const SCORES_TABLE = "operations.asset_scores";
export const SCORES_TARGET = { target: 6 * 3_600_000, limit: 24 * 3_600_000 };

/** When the scores were last synced and how fresh that is; no status recorded reads as never synced. */
export async function scoresFreshness(
  source: SyncedStatusSource,
  now: Date = new Date(),
): Promise<{ lastSyncTime: Date | null; freshness: Freshness }> {
  const read = await source.read([SCORES_TABLE]);
  const lastSyncTime = read.known ? (read.tables[0]?.lastSyncTime ?? null) : null;
  return { lastSyncTime, freshness: classifyFreshness(lastSyncTime, now, SCORES_TARGET) };
}
