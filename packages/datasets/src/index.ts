export { unnestInsertSql, unnestParams } from "./load/insert-batch.ts";
export {
  type LoadDatasetsOptions,
  type LoadedTable,
  type LoadProgress,
  loadDatasets,
} from "./load/load-datasets.ts";
export type { Queryable } from "./load/queryable.ts";
export {
  beginSeedRun,
  currentEpoch,
  datasetsFingerprint,
  datasetsLoaded,
  latestSeedRun,
  type SeedRun,
} from "./load/seed-runs.ts";
export { datasetsMigrations } from "./migrations.ts";
export { type ServedSyncedTable, servedSyncedTables, servedTables, syncedTablesOf } from "./tables/index.ts";
export { sqlTypeOf } from "./tables/sql-types.ts";
