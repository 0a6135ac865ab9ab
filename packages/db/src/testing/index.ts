export { createTestDatabase, type TestDatabase } from "./create-test-database.ts";
export type { MigrationSource, TemplateSpec } from "./migration-set.ts";
export { hasPgvector } from "./pgvector.ts";
export { dropTestTemplates, dropWhenIdle } from "./server-database.ts";
export { type SyncStatusFixture, setSyncedTableStatus } from "./synced-status.ts";
