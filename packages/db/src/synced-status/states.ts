/**
 * The platform's `detailed_state` values for a synced table (Lakebase Autoscaling
 * `SyncedTableStatus`). The local Synced Tables engine writes only these, and the reader accepts
 * only these, so a kit behaves the same on a local stack and on Databricks.
 */
export const SYNCED_TABLE_STATES = [
  "SYNCED_TABLE_PROVISIONING",
  "SYNCED_TABLE_PROVISIONING_PIPELINE_RESOURCES",
  "SYNCED_TABLE_PROVISIONING_INITIAL_SNAPSHOT",
  "SYNCED_TABLE_ONLINE",
  "SYNCED_TABLE_ONLINE_CONTINUOUS_UPDATE",
  "SYNCED_TABLE_ONLINE_TRIGGERED_UPDATE",
  "SYNCED_TABLE_ONLINE_NO_PENDING_UPDATE",
  "SYNCED_TABLE_ONLINE_PIPELINE_FAILED",
  "SYNCED_TABLE_ONLINE_UPDATING_PIPELINE_RESOURCES",
  "SYNCED_TABLE_OFFLINE",
  "SYNCED_TABLE_OFFLINE_FAILED",
] as const;

export type SyncedTableState = (typeof SYNCED_TABLE_STATES)[number];

/** Whether `value` is one of the platform's states. */
export function isSyncedTableState(value: unknown): value is SyncedTableState {
  return (SYNCED_TABLE_STATES as readonly unknown[]).includes(value);
}

/** A state in which the table is not being kept current: offline, or its pipeline failed. */
export function isSyncBroken(state: SyncedTableState): boolean {
  return state.endsWith("FAILED") || state === "SYNCED_TABLE_OFFLINE";
}
