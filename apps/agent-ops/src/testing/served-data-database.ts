import { datasetsMigrations, loadDatasets } from "@appbase/datasets";
import { createTestDatabase as createMigratedDatabase, type TestDatabase } from "@appbase/db/testing";
import { governanceMigrations } from "@appbase/lakehouse/governance";
import { agentOpsMigrations } from "../db/migrations.ts";

/** The fixed data set "now" of agent tests, so entity scores and alert ages never move. */
export const TEST_DATA_EPOCH = "2026-01-05T12:00:00.000Z";

/**
 * A fresh database with the kit's schema and the served tables loaded at the tiny scale (seed 7),
 * as `appbase up` leaves them: what the agents' tools read.
 */
export function createServedDataDatabase(options: { governance?: boolean } = {}): Promise<TestDatabase> {
  return createMigratedDatabase({
    // With governance: the Governance Writer's outbox too, as `appbase up` prepares it for the kit seed.
    migrations: options.governance
      ? [datasetsMigrations, agentOpsMigrations, governanceMigrations]
      : [datasetsMigrations, agentOpsMigrations],
    seed: async (pool) => {
      await loadDatasets(pool, { seed: 7, scale: "tiny", epoch: TEST_DATA_EPOCH });
    },
  });
}
