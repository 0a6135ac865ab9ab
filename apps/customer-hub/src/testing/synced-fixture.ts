/**
 * The sync status table, as the Synced Tables engine creates it (`syncStatusDdl("appbase_meta")` in
 * `@appbase/lakehouse/sync`: one row per synced table, the only place its state is kept), so tests
 * can make the sync fresh, stale or failed without running the engine. IF NOT EXISTS: harmless
 * where the engine already created it.
 */
export const syncStatusFixtureDdl = [
  "create schema if not exists appbase_meta",
  `create table if not exists appbase_meta.synced_table_status (
    target_table text primary key, source_table text, detailed_state text,
    last_sync_time timestamptz, last_processed_commit_version bigint,
    scheduling_policy text, message text)`,
];
