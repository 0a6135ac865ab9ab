/**
 * Load benchmark: `pnpm --filter @appbase/datasets bench:load [scale] [batchSize] [target] [unnest-only]`.
 * Loads the synthetic data into a fresh database, first with multi-row VALUES (the baseline)
 * and then with unnest, and reports rows/s for each and their ratio, measured in the same run.
 * Targets: `process` (default; the local Lakebase as `appbase up` runs it: PGlite with pgvector
 * in its own process, over pglite-socket), `in-process` (PGlite + pglite-socket in this
 * process, as the tests use it), or the server in DATABASE_URL when that is set.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { applyMigrations, readDbEnv } from "@appbase/db";
import { freePort, startLakebaseProcess, stopLakebaseProcess } from "@appbase/db/local";
import { createTestDatabase } from "@appbase/db/testing";
import pg from "pg";
import { loadDatasets } from "../load/load-datasets.ts";
import { datasetsMigrations } from "../migrations.ts";

interface BenchDatabase {
  pool: pg.Pool;
  close(): Promise<void>;
}

const scale = process.argv[2] ?? "default";
const batchSize = Number(process.argv[3] ?? 5_000);
const target = readDbEnv().DATABASE_URL ? "postgres" : (process.argv[4] ?? "process");

async function localLakebaseProcess(): Promise<BenchDatabase> {
  const stateDir = await mkdtemp(join(tmpdir(), "appbase-bench-lakebase-"));
  const status = await startLakebaseProcess({ stateDir, port: await freePort() });
  if (status.state !== "running") throw new Error(`local Lakebase did not start: ${JSON.stringify(status)}`);
  const pool = new pg.Pool({ connectionString: status.url, max: 4 });
  return {
    pool,
    async close() {
      await pool.end();
      await stopLakebaseProcess({ stateDir });
      await rm(stateDir, { recursive: true, force: true });
    },
  };
}

async function run(strategy: "values" | "unnest") {
  const db = target === "process" ? await localLakebaseProcess() : await createTestDatabase();
  try {
    await applyMigrations(db.pool, datasetsMigrations);
    const started = performance.now();
    const result = await loadDatasets(db.pool, { seed: 42, scale, strategy, batchSize });
    const seconds = (performance.now() - started) / 1000;
    const rows = result.tables.reduce((sum, t) => sum + t.rows, 0);
    const rate = Math.round(rows / seconds).toLocaleString("en-US");
    console.log(
      `\n${strategy} (${target}, batch ${batchSize}): ${rows.toLocaleString("en-US")} rows in ${seconds.toFixed(1)} s = ${rate} rows/s`,
    );
    for (const t of result.tables) {
      const tableRate = t.ms > 0 ? Math.round((t.rows / t.ms) * 1000).toLocaleString("en-US") : "-";
      console.log(
        `  ${t.table.padEnd(28)} ${String(t.rows).padStart(8)} rows ${String(t.ms).padStart(7)} ms ${tableRate.padStart(9)} rows/s`,
      );
    }
    return rows / seconds;
  } finally {
    await db.close();
  }
}

if (process.argv[5] === "unnest-only") {
  await run("unnest");
} else {
  const baseline = await run("values");
  const candidate = await run("unnest");
  console.log(`\nunnest / values throughput ratio: ${(candidate / baseline).toFixed(2)}x`);
}
