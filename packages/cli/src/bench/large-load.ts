import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { datasetsMigrations, servedTables } from "@appbase/datasets";
import { applyMigrations, createPool } from "@appbase/db";
import { startLakebaseProcess, stopLakebaseProcess } from "@appbase/db/local";
import { openLocalLakehouse } from "@appbase/lakehouse/local";
import { csvHeader, csvLine, datasets, type Scale } from "@appbase/synthetic-data";
import { PGlite } from "@electric-sql/pglite";
import { lakehouseDirOf, landGoldWithProgress } from "../orchestrator/land-gold.ts";
import { ownPeakRssMb, peakRssMbOf } from "../orchestrator/peak-rss.ts";
import { syncServedTables } from "../orchestrator/sync-served.ts";
import { CliError } from "../repo.ts";

/** Rows per table the COPY baseline copies (its rate per table is measured on these). */
const COPY_SAMPLE_ROWS = 200_000;
/** The goal: loading runs at half the rate of a plain COPY or better. */
const GOAL_SHARE_OF_COPY = 0.5;

export interface LargeLoadTable {
  table: string;
  rows: number;
  /** COPY of pre-generated CSV rows into the same table shape (columns, key and indexes), rows/s. */
  copyRowsPerSecond: number;
}

export interface LargeLoadResult {
  benchmark: "large-load-vs-copy";
  scale: Scale;
  rows: number;
  landSeconds: number;
  landRowsPerSecond: number;
  syncSeconds: number;
  syncRowsPerSecond: number;
  /** Time a COPY of every row would take at each table's measured COPY rate. */
  copySeconds: number;
  copyRowsPerSecond: number;
  /** Throughput as a share of COPY's measured beside it (goal ≥ 0.5). */
  ratio: { land: number; sync: number };
  goals: Array<{ name: string; met: boolean; value: string; limit: string }>;
  /** Peak resident memory of this process (generation, gold landing, sync client) and of the local Lakebase. */
  peakRssMb: { loader: number; lakebase: number | null };
  tables: LargeLoadTable[];
  copySampleRows: number;
}

/**
 * Benchmark: what `appbase up` does on a first run at `scale` - land every synthetic table as gold in
 * the local lakehouse, then snapshot the served tables into a fresh local Lakebase - beside the
 * physical floor, a `COPY … FROM '/dev/blob'` of pre-generated CSV rows into the same table shapes
 * (columns, key and indexes copied from the Lakebase) in an in-process PGlite. COPY's rate is
 * measured per table on up to COPY_SAMPLE_ROWS rows (row width differs a lot between tables).
 */
export async function benchLargeLoad(options: {
  scale: Scale;
  seed: number;
  log: (line: string) => void;
}): Promise<LargeLoadResult> {
  const stateDir = mkdtempSync(join(tmpdir(), "appbase-large-load-"));
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const status = await startLakebaseProcess({ stateDir, port });
  if (status.state !== "running")
    throw new CliError(`The benchmark's Lakebase did not start; see ${status.logFile}.`);
  const db = await createPool({ env: { APPBASE_STATE_DIR: stateDir }, applicationName: "appbase-bench" });
  const lakehouse = await openLocalLakehouse({ directory: lakehouseDirOf(stateDir) });
  try {
    await applyMigrations(db.pool, datasetsMigrations);
    const epoch = new Date().toISOString();
    options.log(`Landing gold at scale ${options.scale}…`);
    const landed = await landGoldWithProgress({ lakehouse, seed: options.seed, scale: options.scale, epoch });
    const landSeconds = landed.seconds;
    const started = performance.now();
    const synced = await syncServedTables({
      lakehouse,
      pool: db.pool,
      mode: "snapshot",
      expectedRows: landed.perTable,
    });
    const syncSeconds = (performance.now() - started) / 1000;
    const syncedRows = synced.reduce((sum, r) => sum + r.rowsWritten, 0);
    const lakebaseRss = peakRssMbOf(status.pid);

    options.log("COPY baseline (pre-generated CSV into the same table shapes, in-process PGlite)…");
    const tables = await copyBaseline(db.pool, options, epoch, landed.perTable);
    const copySeconds = tables.reduce((sum, t) => sum + t.rows / t.copyRowsPerSecond, 0);
    const copyRowsPerSecond = Math.round(landed.rows / copySeconds);
    const landRowsPerSecond = Math.round(landed.rows / landSeconds);
    const syncRowsPerSecond = Math.round(syncedRows / syncSeconds);
    return {
      benchmark: "large-load-vs-copy",
      scale: options.scale,
      rows: landed.rows,
      landSeconds,
      landRowsPerSecond,
      syncSeconds,
      syncRowsPerSecond,
      copySeconds,
      copyRowsPerSecond,
      ratio: { land: landRowsPerSecond / copyRowsPerSecond, sync: syncRowsPerSecond / copyRowsPerSecond },
      goals: (["land", "sync"] as const).map((stage) => {
        const share = (stage === "land" ? landRowsPerSecond : syncRowsPerSecond) / copyRowsPerSecond;
        return {
          name: `${stage === "land" ? "gold landing" : "snapshot sync"} at scale ${options.scale}`,
          met: share >= GOAL_SHARE_OF_COPY,
          value: `${share.toFixed(2)}× COPY`,
          limit: `≥ ${GOAL_SHARE_OF_COPY}× COPY`,
        };
      }),
      peakRssMb: { loader: ownPeakRssMb(), lakebase: lakebaseRss },
      tables,
      copySampleRows: COPY_SAMPLE_ROWS,
    };
  } finally {
    await lakehouse.close();
    await db.close();
    await stopLakebaseProcess({ stateDir });
    rmSync(stateDir, { recursive: true, force: true });
  }
}

/** Each served table's COPY rate, on a table built like the Lakebase's (columns, key, indexes). */
async function copyBaseline(
  lakebase: { query: (sql: string, values?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }> },
  options: { scale: Scale; seed: number },
  epoch: string,
  perTable: ReadonlyMap<string, number>,
): Promise<LargeLoadTable[]> {
  const pglite = await PGlite.create();
  const results: LargeLoadTable[] = [];
  try {
    for (const dataset of datasets) {
      const name = `${dataset.domain}.${dataset.name}`;
      if (!servedTables[name]) continue;
      await pglite.exec(`CREATE SCHEMA IF NOT EXISTS ${dataset.domain}`);
      for (const statement of await tableDdl(lakebase, dataset.domain, dataset.name))
        await pglite.exec(statement);
      // Pre-generated: the CSV text is built before the clock starts.
      const lines: string[] = [csvHeader(dataset.columns)];
      for (const row of dataset.rows({ seed: options.seed, scale: options.scale, epoch })) {
        lines.push(csvLine(dataset.columns, row));
        if (lines.length > COPY_SAMPLE_ROWS) break;
      }
      const rows = lines.length - 1;
      const columns = dataset.columns.map((c) => `"${c.name}"`).join(", ");
      const started = performance.now();
      await pglite.query(`COPY ${name} (${columns}) FROM '/dev/blob' WITH (FORMAT csv, HEADER true)`, [], {
        blob: new Blob(lines),
      });
      const seconds = (performance.now() - started) / 1000;
      results.push({
        table: name,
        rows: perTable.get(name) ?? rows,
        copyRowsPerSecond: Math.round(rows / seconds),
      });
      await pglite.exec(`DROP TABLE ${name}`);
    }
  } finally {
    await pglite.close();
  }
  return results;
}

/** CREATE TABLE (columns with their types and NOT NULL, primary key) and CREATE INDEX statements of a Lakebase table. */
async function tableDdl(
  lakebase: { query: (sql: string, values?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }> },
  schema: string,
  table: string,
): Promise<string[]> {
  const columns = await lakebase.query(
    `select a.attname as name, format_type(a.atttypid, a.atttypmod) as type, a.attnotnull as not_null
       from pg_attribute a where a.attrelid = to_regclass($1) and a.attnum > 0 and not a.attisdropped order by a.attnum`,
    [`${schema}.${table}`],
  );
  const indexes = await lakebase.query(
    "select indexdef from pg_indexes where schemaname = $1 and tablename = $2 and indexname not like '%_pkey'",
    [schema, table],
  );
  const key = await lakebase.query(
    `select pg_get_constraintdef(c.oid) as def from pg_constraint c
      where c.conrelid = to_regclass($1) and c.contype = 'p'`,
    [`${schema}.${table}`],
  );
  const defs = columns.rows.map(
    (c) => `"${String(c.name)}" ${String(c.type)}${c.not_null ? " NOT NULL" : ""}`,
  );
  if (key.rows[0]) defs.push(String(key.rows[0].def));
  return [
    `CREATE TABLE ${schema}.${table} (${defs.join(", ")})`,
    ...indexes.rows.map((r) => String(r.indexdef)),
  ];
}
