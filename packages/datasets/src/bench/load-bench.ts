/**
 * Load benchmark: `pnpm --filter @appbase/datasets bench:load [scale] [batchSize]`.
 * Loads the synthetic data into a fresh PGlite served over pglite-socket (or the server in
 * DATABASE_URL), first with multi-row VALUES (the baseline) and then with unnest, and
 * reports rows/s for each and their ratio, measured in the same run.
 */
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { loadDatasets } from "../load/load-datasets.ts";
import { datasetsMigrations } from "../migrations.ts";
import { openTestDatabase } from "../testing/test-database.ts";

const scale = process.argv[2] ?? "default";
const batchSize = Number(process.argv[3] ?? 5_000);

async function run(strategy: "values" | "unnest") {
  const db = await openTestDatabase();
  try {
    await migrate(drizzle({ client: db.pool }), { migrationsFolder: datasetsMigrations.migrationsFolder });
    const started = performance.now();
    const result = await loadDatasets(db.pool, { seed: 42, scale, strategy, batchSize });
    const seconds = (performance.now() - started) / 1000;
    const rows = result.tables.reduce((sum, t) => sum + t.rows, 0);
    console.log(
      `\n${strategy} (${db.kind}, batch ${batchSize}): ${rows.toLocaleString("en-US")} rows in ${seconds.toFixed(1)} s = ${Math.round(rows / seconds).toLocaleString("en-US")} rows/s`,
    );
    for (const t of result.tables) {
      const rate = t.ms > 0 ? Math.round((t.rows / t.ms) * 1000).toLocaleString("en-US") : "-";
      console.log(
        `  ${t.table.padEnd(28)} ${String(t.rows).padStart(8)} rows ${String(t.ms).padStart(7)} ms ${rate.padStart(9)} rows/s`,
      );
    }
    return rows / seconds;
  } finally {
    await db.close();
  }
}

const baseline = await run("values");
const candidate = await run("unnest");
console.log(`\nunnest / values throughput ratio: ${(candidate / baseline).toFixed(2)}x`);
