/**
 * Prepares a Postgres for running this kit on its own (before/without `appbase up`): applies the served
 * tables' and the kit's migrations, loads synthetic data if absent and marks the sync fresh.
 * Usage: DATABASE_URL=postgres://… pnpm --filter @appbase/customer-hub db:prepare [customers]
 */
import { fileURLToPath } from "node:url";
import { datasetsLoaded, datasetsMigrations, loadDatasets } from "@appbase/datasets";
import { applyMigrations } from "@appbase/db";
import pg from "pg";
import { markSyncFresh } from "../src/testing/sync-control.ts";
import { syncStatusFixtureDdl } from "../src/testing/synced-fixture.ts";
import { scriptDatabaseUrl } from "./env.ts";

const url = scriptDatabaseUrl();
const customers = Number(process.argv[2] ?? 2000);
const pool = new pg.Pool({ connectionString: url });
// The same migration bookkeeping as `appbase up`, so the two can be mixed on one database.
await applyMigrations(pool, datasetsMigrations);
await applyMigrations(pool, {
  migrationsFolder: fileURLToPath(new URL("../drizzle", import.meta.url)),
  owner: "customer_hub",
});
for (const statement of syncStatusFixtureDdl) await pool.query(statement);
if (!(await datasetsLoaded(pool))) {
  const started = Date.now();
  // "Now" as the data set's epoch, so feature timestamps are recent and freshness cues mean something.
  const result = await loadDatasets(pool, { seed: 42, scale: customers, epoch: new Date().toISOString() });
  console.log(
    `Loaded ${result.tables.map((t) => `${t.table} ${t.rows}`).join(", ")} in ${Date.now() - started} ms`,
  );
}
await markSyncFresh(pool);
await pool.end();
console.log("Database ready for customer-hub.");
