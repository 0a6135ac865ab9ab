export {
  resolveSyncedTable,
  type SchedulingPolicy,
  type SyncedTableDeclaration,
  syncedTableDeclarationSchema,
} from "./declaration.ts";
export { rebuildIndexes } from "./deferred-indexes.ts";
export {
  type SyncEngineOptions,
  SyncedTablesEngine,
  type SyncProgress,
  type SyncRunMode,
  type SyncRunResult,
} from "./engine.ts";
export type { SyncedTableState, SyncedTableStatus } from "./status-store.ts";
export {
  type PGliteLike,
  pgliteSyncPostgres,
  poolSyncPostgres,
  type SqlRunner,
  type SyncPostgres,
} from "./sync-postgres.ts";
