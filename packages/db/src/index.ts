export { type DbEnv, dbEnvSchema, type EnvSource, readDbEnv } from "./env.ts";
export * from "./local/index.ts";
export {
  type ApplyMigrationsOptions,
  applyMigrations,
  MIGRATIONS_SCHEMA,
} from "./migrations/apply-migrations.ts";
export {
  type CreatePoolOptions,
  createPool,
  type DbMode,
  type DbPool,
  selectDbMode,
} from "./pool/create-pool.ts";
export { LakebaseCredentialError } from "./pool/credential-error.ts";
