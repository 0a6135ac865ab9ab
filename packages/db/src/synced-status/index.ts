// Synced-table status and freshness, for kits: the platform's states, the status table's one DDL,
// the reader port kits use, and how old is too old. No UI and no server wiring.
export { SYNC_STATUS_SCHEMA, SYNC_STATUS_TABLE, syncStatusDdl, syncStatusTable } from "./ddl.ts";
export { classifyFreshness, type Freshness, type FreshnessState, type FreshnessTarget } from "./freshness.ts";
export { type PlatformSyncedStatusOptions, syncedStatusFromPlatform } from "./platform-reader.ts";
export {
  type SqlQuery,
  type SyncedStatusRead,
  type SyncedStatusSource,
  type SyncedTableStatusRead,
  syncedStatusFromPostgres,
} from "./reader.ts";
export { isSyncBroken, isSyncedTableState, SYNCED_TABLE_STATES, type SyncedTableState } from "./states.ts";
