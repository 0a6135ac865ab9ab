import "server-only";
import { type SqlQuery, syncedStatusFromPostgres } from "@appbase/db/synced-status";
import { readSyncHealth, type SyncHealth } from "../domain/freshness/sync-status.ts";

/**
 * The synced customer tables' health, read through the kit's one synced-status source: today the
 * status table in the kit's Lakebase; a Databricks API adapter plugs in here without a page changing.
 */
export function syncHealth(pool: SqlQuery, now = new Date()): Promise<SyncHealth> {
  return readSyncHealth(syncedStatusFromPostgres(pool), now);
}
