import { fileURLToPath } from "node:url";
import { datasetsMigrations } from "@appbase/datasets";
import { createTestDatabase as createMigratedDatabase, type TestDatabase } from "@appbase/db/testing";

export type { TestDatabase };

const portalMigrations = {
  migrationsFolder: fileURLToPath(new URL("../../drizzle", import.meta.url)),
  owner: "operations_portal",
};

/** The served tables and the portal's schema, migrated (also the local Lakebase test template). */
export const portalTemplate = { migrations: [datasetsMigrations, portalMigrations] };

/**
 * A fresh database per test file with the served tables and the portal's schema migrated exactly
 * as `appbase up` does it (embedded PGlite by default, a throwaway database on DATABASE_URL when set).
 */
export function createTestDatabase(): Promise<TestDatabase> {
  return createMigratedDatabase(portalTemplate);
}
