import "server-only";
import type { SqlQuery } from "@appbase/db/synced-status";
import { readSyncHealth, type SyncHealth } from "../domain/freshness/sync-status.ts";
import { server } from "./kit.ts";

/**
 * The synced customer tables' health, read through the kit's one synced-status source: the platform's
 * synced-table status on Databricks Apps, the local Synced Tables engine's status table elsewhere.
 */
export function syncHealth(pool: SqlQuery, now = new Date()): Promise<SyncHealth> {
  return readSyncHealth(server.syncedStatus(pool), now);
}
