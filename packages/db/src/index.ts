// The root export is what apps load: connecting and migrating. Starting and serving the local
// Lakebase (PGlite, tsx child processes) lives in `@appbase/db/local`, so app bundles never see it.
export { type DbEnv, dbEnvSchema, type EnvSource, readDbEnv } from "./env.ts";
export {
  COUNT_EXACT_UP_TO,
  countRows,
  decodeCursor,
  encodeCursor,
  type KeysetColumn,
  type KeysetCursor,
  type KeysetOrder,
  type KeysetPage,
  type KeysetPosition,
  keysetPage,
  keysetPosition,
  keysetQuery,
  type ListCount,
} from "./list-page.ts";
export { LocalLakebaseNotRunningError, lakebaseStatus, lakebaseUrl } from "./local/lakebase-status.ts";
export { LOCAL_MAIN_BRANCH } from "./local/main-branch.ts";
export { resolveStateDir } from "./local/state-dir.ts";
export {
  type ApplyMigrationsOptions,
  applyMigrations,
  MIGRATIONS_SCHEMA,
  MigrationFailedError,
} from "./migrations/apply-migrations.ts";
export {
  type CreatePoolOptions,
  createPool,
  type DbMode,
  type DbPool,
  selectDbMode,
} from "./pool/create-pool.ts";
export { LakebaseCredentialError } from "./pool/credential-error.ts";
export type { Queryable } from "./queryable.ts";
export { rowOf } from "./rows.ts";
export { escapeLike, sqlParameters } from "./sql-parameters.ts";
export { inTransaction, type TransactionalDb } from "./transaction.ts";
