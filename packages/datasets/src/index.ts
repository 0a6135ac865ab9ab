export {
  type LoadDatasetsOptions,
  type LoadedTable,
  type LoadProgress,
  loadDatasets,
} from "./load/load-datasets.ts";
export type { Queryable } from "./load/queryable.ts";
export { datasetsFingerprint, datasetsLoaded, latestSeedRun, type SeedRun } from "./load/seed-runs.ts";
export { datasetsMigrations } from "./migrations.ts";
export { servedTables } from "./tables/index.ts";
export { sqlTypeOf } from "./tables/sql-types.ts";
