import { createTestDatabase as createMigratedDatabase, type TestDatabase } from "@appbase/db/testing";
import { agentOpsMigrations } from "../db/migrations.ts";

export type { TestDatabase };

/**
 * A fresh database per test file with the kit's schema migrated exactly as `appbase up` does it
 * (embedded PGlite by default, a throwaway database on DATABASE_URL when set).
 */
export function createTestDatabase(): Promise<TestDatabase> {
  return createMigratedDatabase({ migrations: [agentOpsMigrations] });
}
