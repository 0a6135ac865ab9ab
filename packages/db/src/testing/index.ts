export { createTestDatabase, type TestDatabase, type TestDatabaseOptions } from "./create-test-database.ts";
export { templateDataDir } from "./embedded-database.ts";
export type { MigrationSource, TemplateSpec } from "./migration-set.ts";
export { hasPgvector } from "./pgvector.ts";
export { realServerUrl } from "./real-server.ts";
export {
  createServerDatabase,
  dropTestTemplates,
  dropWhenIdle,
  type ServerDatabase,
} from "./server-database.ts";
export { type SyncStatusFixture, setSyncedTableStatus } from "./synced-status.ts";
