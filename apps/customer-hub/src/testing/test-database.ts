import { fileURLToPath } from "node:url";
import { datasetsMigrations } from "@appbase/datasets";
import { syncStatusDdl } from "@appbase/db/synced-status";
import { createTestDatabase as createMigratedDatabase, type TestDatabase } from "@appbase/db/testing";

export type { TestDatabase };

const hubMigrations = {
  migrationsFolder: fileURLToPath(new URL("../../drizzle", import.meta.url)),
  owner: "customer_hub",
};

/**
 * A fresh database per test file with the served tables and the hub's schema migrated exactly as
 * `appbase up` does it (embedded PGlite by default, a throwaway database on DATABASE_URL when set),
 * plus the sync status table the Synced Tables engine maintains.
 */
export function createTestDatabase(): Promise<TestDatabase> {
  return createMigratedDatabase({
    migrations: [datasetsMigrations, hubMigrations],
    seed: async (pool) => {
      for (const statement of syncStatusDdl()) await pool.query(statement);
    },
  });
}
