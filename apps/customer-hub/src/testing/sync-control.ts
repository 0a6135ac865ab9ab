import type { Queryable } from "../db/queryable.ts";
import { SYNCED_TABLES } from "../domain/freshness/targets.ts";

/** Records every synced customer table as synced `minutesAgo` with `state` (tests and local runs only). */
export async function setSyncStatus(
  db: Queryable,
  minutesAgo: number,
  state = "SYNCED_TABLE_ONLINE_NO_PENDING_UPDATE",
): Promise<void> {
  for (const table of SYNCED_TABLES) {
    await db.query(
      `insert into appbase_meta.synced_table_status (target_table, source_table, detailed_state, last_sync_time, last_processed_commit_version)
       values ($1, $2, $3, now() - make_interval(mins => $4), 1)
       on conflict (target_table) do update set detailed_state = excluded.detailed_state, last_sync_time = excluded.last_sync_time`,
      [table, `appbase.${table}`, state, minutesAgo],
    );
  }
}

/** Marks the sync as just done. */
export async function markSyncFresh(db: Queryable): Promise<void> {
  await setSyncStatus(db, 0);
}
