import { fileURLToPath } from "node:url";
import { datasetsMigrations } from "@appbase/datasets";
import { createTestDatabase as createMigratedDatabase, type TestDatabase } from "@appbase/db/testing";

export type { TestDatabase };

/** The kit's migrations as `appbase up` applies them. */
export const riskComplianceMigrations = {
  migrationsFolder: fileURLToPath(new URL("../../drizzle", import.meta.url)),
  owner: "risk_compliance",
};

/** A fresh database per test file with the served tables and the kit's schema (PGlite, or DATABASE_URL's server). */
export function createTestDatabase(): Promise<TestDatabase> {
  return createMigratedDatabase({ migrations: [datasetsMigrations, riskComplianceMigrations] });
}

/** Adds served entities the tests link to cases. */
export async function addEntities(db: TestDatabase, ids: readonly string[]): Promise<void> {
  for (const id of ids) {
    await db.pool.query(
      `insert into risk.entities (entity_id, entity_type, name, country_code, is_pep, kyc_status, onboarded_at)
       values ($1, 'company', $2, 'GB', false, 'verified', now()) on conflict do nothing`,
      [id, `Entity ${id}`],
    );
  }
}
