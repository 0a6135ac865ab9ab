import { datasetsMigrations, loadDatasets } from "@appbase/datasets";
import { createTestDatabase as createMigratedDatabase, type TestDatabase } from "@appbase/db/testing";
import { agentOpsMigrations } from "../db/migrations.ts";

/** The fixed data set "now" of agent tests, so entity scores and alert ages never move. */
export const TEST_DATA_EPOCH = "2026-01-05T12:00:00.000Z";

/**
 * A fresh database with the kit's schema and the served tables loaded at the tiny scale (seed 7),
 * as `appbase up` leaves them: what the agents' tools read.
 */
export function createServedDataDatabase(): Promise<TestDatabase> {
  return createMigratedDatabase({
    migrations: [datasetsMigrations, agentOpsMigrations],
    seed: async (pool) => {
      await loadDatasets(pool, { seed: 7, scale: "tiny", epoch: TEST_DATA_EPOCH });
    },
  });
}
