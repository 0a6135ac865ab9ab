import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { datasetsMigrations, servedTables } from "@appbase/datasets";
import { applyMigrations, createPool } from "@appbase/db";
import { startLakebaseProcess, stopLakebaseProcess } from "@appbase/db/local";
import { openLocalLakehouse } from "@appbase/lakehouse/local";
import { pgliteSyncPostgres, rebuildIndexes, type SqlRunner } from "@appbase/lakehouse/sync";
import { csvHeader, csvLine, datasets, type Scale } from "@appbase/synthetic-data";
import { PGlite } from "@electric-sql/pglite";
import { landAndSync } from "../orchestrator/land-and-sync.ts";
import { lakehouseDirOf } from "../orchestrator/land-gold.ts";
import { ownPeakRssMb, peakRssMbOf } from "../orchestrator/peak-rss.ts";
import { CliError } from "../repo.ts";

/** Rows per table the COPY baseline copies (its rate per table is measured on these), in chunks. */
const COPY_SAMPLE_ROWS = 500_000;
const COPY_CHUNK_ROWS = 100_000;
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
 * (columns copied from the Lakebase; its key and indexes built after the COPY, as the sync does) in
 * an in-process PGlite on disk. COPY's rate is measured per table on up to COPY_SAMPLE_ROWS rows (row width
 * differs a lot between tables).
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
    options.log(`Landing gold and syncing at scale ${options.scale}…`);
    const { land, sync } = await landAndSync({
      lakehouse,
      pool: db.pool,
      seed: options.seed,
      scale: options.scale,
      epoch,
    });
    // Read before the COPY baseline, whose PGlite runs in this process.
    const peakRssMb = { loader: ownPeakRssMb(), lakebase: peakRssMbOf(status.pid) };

    options.log("COPY baseline (pre-generated CSV into index-free tables, then their key and indexes)…");
    const tables = await copyBaseline(db.pool, options, epoch, land.perTable);
    const copySeconds = tables.reduce((sum, t) => sum + t.rows / t.copyRowsPerSecond, 0);
    const copyRowsPerSecond = Math.round(land.rows / copySeconds);
    const landRowsPerSecond = Math.round(land.rows / land.seconds);
    const syncRowsPerSecond = Math.round(sync.rows / sync.seconds);
    return {
      benchmark: "large-load-vs-copy",
      scale: options.scale,
      rows: land.rows,
      landSeconds: land.seconds,
      landRowsPerSecond,
      syncSeconds: sync.seconds,
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
      peakRssMb,
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

/**
 * Each served table's COPY rate, the floor of a snapshot: pre-generated CSV copied in chunks into an
 * index-free table shaped like the Lakebase's (columns, NOT NULL), then its key and indexes built
 * the way the sync builds them; the rate counts both.
 */
export async function copyBaseline(
  lakebase: SqlRunner,
  options: { scale: Scale; seed: number },
  epoch: string,
  perTable: ReadonlyMap<string, number>,
): Promise<LargeLoadTable[]> {
  // On disk like the local Lakebase's data: an in-memory PGlite grows its files by copying and
  // measured a fifth of the sync's rate at 500k rows, no floor.
  const dataDir = mkdtempSync(join(tmpdir(), "appbase-copy-floor-"));
  const pglite = await PGlite.create({ dataDir });
  const results: LargeLoadTable[] = [];
  try {
    for (const dataset of datasets) {
      const name = `${dataset.domain}.${dataset.name}`;
      if (!servedTables[name]) continue;
      await pglite.exec(`CREATE SCHEMA IF NOT EXISTS ${dataset.domain}`);
      const ddl = await tableDdl(lakebase, dataset.domain, dataset.name);
      await pglite.exec(ddl.create);
      const columns = dataset.columns.map((c) => `"${c.name}"`).join(", ");
      const header = csvHeader(dataset.columns);
      let rows = 0;
      let seconds = 0;
      // Pre-generated: each chunk's CSV text is built before its clock starts.
      const copy = async (lines: string[]) => {
        const started = performance.now();
        await pglite.query(`COPY ${name} (${columns}) FROM '/dev/blob' WITH (FORMAT csv, HEADER true)`, [], {
          blob: new Blob([header, ...lines]),
        });
        seconds += (performance.now() - started) / 1000;
        rows += lines.length;
      };
      let lines: string[] = [];
      for (const row of dataset.rows({ seed: options.seed, scale: options.scale, epoch })) {
        lines.push(csvLine(dataset.columns, row));
        if (lines.length === COPY_CHUNK_ROWS) {
          await copy(lines);
          lines = [];
        }
        if (rows + lines.length >= COPY_SAMPLE_ROWS) break;
      }
      if (lines.length > 0) await copy(lines);
      const started = performance.now();
      await pgliteSyncPostgres(pglite).transaction((tx) => rebuildIndexes(tx, ddl.keyAndIndexes));
      seconds += (performance.now() - started) / 1000;
      results.push({
        table: name,
        rows: perTable.get(name) ?? rows,
        copyRowsPerSecond: Math.round(rows / seconds),
      });
      await pglite.exec(`DROP TABLE ${name}`);
    }
  } finally {
    await pglite.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return results;
}

/** A Lakebase table's CREATE TABLE (columns, types, NOT NULL) and the statements that add its key and indexes. */
async function tableDdl(
  lakebase: SqlRunner,
  schema: string,
  table: string,
): Promise<{ create: string; keyAndIndexes: string[] }> {
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
  return {
    create: `CREATE TABLE ${schema}.${table} (${defs.join(", ")})`,
    keyAndIndexes: [
      ...key.rows.map((r) => `ALTER TABLE ${schema}.${table} ADD ${String(r.def)}`),
      ...indexes.rows.map((r) => String(r.indexdef)),
    ],
  };
}
