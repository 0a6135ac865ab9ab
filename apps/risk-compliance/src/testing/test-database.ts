import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { datasetsMigrations } from "@appbase/datasets";
import {
  createTestDatabase as createMigratedDatabase,
  type TestDatabase,
  type TestDatabaseOptions,
} from "@appbase/db/testing";
import {
  type GovernanceFaults,
  type GovernanceSql,
  governanceMigrations,
} from "@appbase/lakehouse/governance";
import { openLocalLakehouse } from "@appbase/lakehouse/local";
import { type CaseGovernance, caseGovernance } from "../db/case-governance.ts";

export type { TestDatabase };

/** The kit's migrations as `appbase up` applies them. */
export const riskComplianceMigrations = {
  migrationsFolder: fileURLToPath(new URL("../../drizzle", import.meta.url)),
  owner: "risk_compliance",
};

/**
 * A fresh database per test file with the served tables, the kit's schema and the governance outbox
 * (PGlite, or DATABASE_URL's server).
 */
export function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  return createMigratedDatabase(
    { migrations: [datasetsMigrations, riskComplianceMigrations, governanceMigrations] },
    options,
  );
}

/** A test database plus governed case decisions over a local lakehouse in a temp folder. */
export async function createGovernedTestDatabase(
  options: { faults?: GovernanceFaults } = {},
): Promise<TestDatabase & { governance: CaseGovernance; lakehouseDir: string }> {
  const db = await createTestDatabase();
  const lakehouseDir = mkdtempSync(path.join(tmpdir(), "risk-compliance-lakehouse-"));
  const lakehouse = await openLocalLakehouse({ directory: lakehouseDir });
  const governance = await caseGovernance(lakehouse, db.pool as unknown as GovernanceSql, options);
  return {
    ...db,
    governance,
    lakehouseDir,
    async close() {
      await lakehouse.close();
      await db.close();
      rmSync(lakehouseDir, { recursive: true, force: true });
    },
  };
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
