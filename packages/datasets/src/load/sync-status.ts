import type { Queryable } from "./queryable.ts";

/**
 * `appbase_meta.synced_table_status`: per served table, the platform's synced-table state and
 * `last_sync_time`, read by kits for freshness cues. A direct load stands in for the initial
 * SNAPSHOT sync, so it records one row per table it filled (source = the gold table it mirrors).
 */
const ENSURE_SQL = [
  "CREATE SCHEMA IF NOT EXISTS appbase_meta",
  `CREATE TABLE IF NOT EXISTS appbase_meta.synced_table_status (
    target_table text PRIMARY KEY,
    source_table text NOT NULL,
    detailed_state text NOT NULL,
    last_sync_time timestamptz,
    last_processed_commit_version bigint
  )`,
];

/** Records a completed initial snapshot of each loaded table (`domain.table` names). */
export async function recordInitialSync(db: Queryable, tables: string[], catalog = "appbase"): Promise<void> {
  for (const statement of ENSURE_SQL) await db.query(statement);
  await db.query(
    `INSERT INTO appbase_meta.synced_table_status
       (target_table, source_table, detailed_state, last_sync_time, last_processed_commit_version)
     SELECT t, $2 || '.' || t, 'ONLINE_NO_PENDING_UPDATE', now(), 0 FROM unnest($1::text[]) AS t
     ON CONFLICT (target_table) DO UPDATE SET
       source_table = excluded.source_table,
       detailed_state = excluded.detailed_state,
       last_sync_time = excluded.last_sync_time,
       last_processed_commit_version = excluded.last_processed_commit_version`,
    [tables, catalog],
  );
}
