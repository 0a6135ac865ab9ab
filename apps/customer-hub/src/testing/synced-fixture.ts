/**
 * The sync status table the Synced Tables engine maintains, created here when absent so tests can make
 * the sync fresh, stale or failed. IF NOT EXISTS: harmless where the engine already created it.
 */
export const syncStatusFixtureDdl = [
  "create schema if not exists appbase_meta",
  `create table if not exists appbase_meta.synced_table_status (
    target_table text primary key, source_table text, detailed_state text,
    last_sync_time timestamptz, last_processed_commit_version bigint)`,
];
