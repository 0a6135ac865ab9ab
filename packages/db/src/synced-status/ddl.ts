/** The schema that holds the status table on a local stack. */
export const SYNC_STATUS_SCHEMA = "appbase_meta";
/** The status table's name inside its schema. */
export const SYNC_STATUS_TABLE = "synced_table_status";

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** `schema`.synced_table_status, quoted. */
export function syncStatusTable(schema = SYNC_STATUS_SCHEMA): string {
  return `${quoted(schema)}.${SYNC_STATUS_TABLE}`;
}

/**
 * The one DDL of the status table: one row per synced table, the place the local Synced Tables
 * engine keeps its state (Databricks keeps it behind its API). The ALTERs upgrade tables created by
 * older loaders.
 */
export function syncStatusDdl(schema = SYNC_STATUS_SCHEMA): string[] {
  const table = syncStatusTable(schema);
  return [
    `CREATE SCHEMA IF NOT EXISTS ${quoted(schema)}`,
    `CREATE TABLE IF NOT EXISTS ${table} (
      target_table text PRIMARY KEY,
      source_table text,
      detailed_state text,
      last_sync_time timestamptz,
      last_processed_commit_version bigint,
      scheduling_policy text,
      message text
    )`,
    `ALTER TABLE ${table} ADD COLUMN IF NOT EXISTS scheduling_policy text`,
    `ALTER TABLE ${table} ADD COLUMN IF NOT EXISTS message text`,
  ];
}
