/**
 * Prepares a Postgres for running this kit on its own (before/without `appbase up`): applies the served
 * tables' and the kit's migrations, loads synthetic data if absent and marks the sync fresh.
 * Usage: DATABASE_URL=postgres://… pnpm --filter @appbase/customer-hub exec tsx scripts/prepare-database.ts [customers]
 */
import { fileURLToPath } from "node:url";
import { datasetsLoaded, datasetsMigrations, loadDatasets } from "@appbase/datasets";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { markSyncFresh } from "../src/testing/sync-control.ts";
import { syncStatusFixtureDdl } from "../src/testing/synced-fixture.ts";
import { scriptDatabaseUrl } from "./env.ts";

const url = scriptDatabaseUrl();
const customers = Number(process.argv[2] ?? 2000);
const pool = new pg.Pool({ connectionString: url });
await migrate(drizzle(pool), {
  migrationsFolder: datasetsMigrations.migrationsFolder,
  migrationsSchema: "appbase_meta",
  migrationsTable: "datasets_migrations",
});
for (const statement of syncStatusFixtureDdl) await pool.query(statement);
await migrate(drizzle(pool), {
  migrationsFolder: fileURLToPath(new URL("../drizzle", import.meta.url)),
  migrationsSchema: "customer_hub",
  migrationsTable: "__drizzle_migrations",
});
if (!(await datasetsLoaded(pool))) {
  const started = Date.now();
  const result = await loadDatasets(pool, { seed: 42, scale: customers });
  console.log(
    `Loaded ${result.tables.map((t) => `${t.table} ${t.rows}`).join(", ")} in ${Date.now() - started} ms`,
  );
}
await markSyncFresh(pool);
await pool.end();
console.log("Database ready for customer-hub.");
