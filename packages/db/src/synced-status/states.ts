import { SYNCED_TABLE_STATES, type SyncedTableState } from "@appbase/databricks";

/**
 * The platform's `detailed_state` values for a synced table (Lakebase Autoscaling
 * `SyncedTableStatus`), one list owned by `@appbase/databricks`. The local Synced Tables engine writes
 * only these, and the reader accepts only these, so a kit behaves the same locally and on Databricks.
 */
export { SYNCED_TABLE_STATES, type SyncedTableState };

/** Whether `value` is one of the platform's states. */
export function isSyncedTableState(value: unknown): value is SyncedTableState {
  return (SYNCED_TABLE_STATES as readonly unknown[]).includes(value);
}

/** A state in which the table is not being kept current: offline, or its pipeline failed. */
export function isSyncBroken(state: SyncedTableState): boolean {
  return state.endsWith("FAILED") || state === "SYNCED_TABLE_OFFLINE";
}
