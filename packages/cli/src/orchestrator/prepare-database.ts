import {
  beginSeedRun,
  currentEpoch,
  datasetsLoaded,
  datasetsMigrations,
  latestSeedRun,
  servedSyncedTables,
} from "@appbase/datasets";
import { type ApplyMigrationsOptions, applyMigrations, createPool, type DbPool } from "@appbase/db";
import { lakebaseStatus, startLakebaseProcess } from "@appbase/db/local";
import { openLocalLakehouse } from "@appbase/lakehouse/local";
import { parseScale } from "@appbase/synthetic-data";
import type pg from "pg";
import { governedTablesOf, namedScale, runKitSeeds } from "../kit-modules.ts";
import type { Kit } from "../kits.ts";
import { CliError } from "../repo.ts";
import { prepareGovernance } from "./governance-setup.ts";
import { kitsAwaitingSeed, recordKitSeed } from "./kit-seeds.ts";
import { landAndSync } from "./land-and-sync.ts";
import { GOLD_CATALOG, lakehouseDirOf } from "./land-gold.ts";
import { ownPeakRssMb, peakRssMbOf } from "./peak-rss.ts";
import { syncServedTables } from "./sync-served.ts";

export interface PreparedDatabase {
  db: DbPool;
  /** True when this call started the local Lakebase (so the caller should stop it on exit). */
  startedLakebase: boolean;
  seeded: boolean;
}

/** Whose migrations `appbase migrate` applies, in order: the datasets', then each kit's (its own schema). */
export function migrationOwners(kits: readonly Kit[]): ApplyMigrationsOptions[] {
  return [
    datasetsMigrations,
    ...kits.map((k) => ({ migrationsFolder: k.migrationsFolder, owner: k.schemaName })),
  ];
}

/**
 * Brings the database to a usable state: starts the local Lakebase unless a server is configured,
 * applies the datasets' and every kit's migrations, and on the first run lands the synthetic data as
 * gold tables and syncs the served tables from them with the Synced Tables engine.
 */
export async function prepareDatabase(options: {
  stateDir: string;
  env: NodeJS.ProcessEnv;
  kits: Kit[];
  seed: number;
  scale: string;
  reseed?: boolean;
  skipSeed?: boolean;
  /**
   * `platform`: only what a deployed kit finds (the served tables the bundle's synced tables create,
   * with their sync status); the kits' own schemas, governance outbox and seeds are left to the kits,
   * which provision themselves on start. Default `all` (what `appbase up` needs for local development).
   */
  scope?: "all" | "platform";
  log?: (line: string) => void;
}): Promise<PreparedDatabase> {
  const log = options.log ?? ((line: string) => console.log(line));
  const external = Boolean(options.env.DATABASE_URL || options.env.PGHOST || options.env.LAKEBASE_ENDPOINT);
  let startedLakebase = false;
  let lakebasePid: number | undefined;
  if (!external) {
    const before = await lakebaseStatus({ stateDir: options.stateDir });
    const status = await startLakebaseProcess({ stateDir: options.stateDir });
    if (status.state !== "running")
      throw new CliError(`The local Lakebase did not start; see ${status.logFile}.`);
    startedLakebase = before.state !== "running";
    lakebasePid = status.pid;
    log(`Local Lakebase ${startedLakebase ? "started" : "already running"} at ${status.url}`);
  }
  const db = await createPool({ env: options.env, applicationName: "appbase-cli" });
  log(`Database: ${db.describe()}`);

  const kits = options.scope === "platform" ? [] : options.kits;
  for (const migrations of migrationOwners(kits)) {
    const { applied } = await applyMigrations(db.pool, migrations);
    log(`Migrations for ${migrations.owner}: ${applied === 0 ? "up to date" : `${applied} applied`}`);
  }

  const lakehouseDir = lakehouseDirOf(options.stateDir);
  const governed = governedTablesOf(kits);
  await prepareGovernance({ pool: db.pool, lakehouseDir, tables: governed, log });

  let seeded = false;
  if (options.skipSeed) {
    // Migrations only.
  } else if (options.reseed || !(await datasetsLoaded(db.pool)) || !(await goldLanded(lakehouseDir, log))) {
    const { runId, finish } = await seedFromGold({
      db: db.pool,
      lakehouseDir,
      seed: options.seed,
      scale: options.scale,
      lakebasePid,
      log,
    });
    // Kits seed their own state after the served tables they may refer to are in place.
    await seedKits(db.pool, { ...options, kits }, runId, lakehouseDir, log);
    // Only now is the seed complete: a kit seed that failed makes the next start seed again.
    await finish();
    seeded = true;
  } else {
    log("Synthetic data already loaded (use `appbase seed --force` to reload)");
    await catchUpServedTables(db.pool, lakehouseDir, log);
    // A kit started for the first time on this data (e.g. after `up --kits other`) seeds now.
    const run = await latestSeedRun(db.pool);
    if (run) await seedKits(db.pool, { ...options, kits }, run.runId, lakehouseDir, log);
  }
  return { db, startedLakebase, seeded };
}

/** Runs the seed of every kit that has not seeded for load `runId`, recording each as it succeeds. */
async function seedKits(
  db: pg.Pool,
  options: { kits: Kit[]; scale: string; seed: number },
  runId: number,
  lakehouseDir: string,
  log: (line: string) => void,
): Promise<void> {
  await runKitSeeds(
    await kitsAwaitingSeed(db, options.kits, runId),
    { pool: db, scale: namedScale(options.scale), seed: options.seed, lakehouseDir },
    log,
    (kit) => recordKitSeed(db, kit, runId),
  );
}

/**
 * Whether every served table's gold source is in the local lakehouse. State made before gold existed,
 * or whose lakehouse folder was deleted, has Lakebase rows but no gold: it is seeded again (kit seeds
 * included), since the served tables sync from gold.
 */
async function goldLanded(lakehouseDir: string, log: (line: string) => void): Promise<boolean> {
  const lakehouse = await openLocalLakehouse({ directory: lakehouseDir });
  try {
    for (const table of servedSyncedTables) {
      if (!(await lakehouse.describeTable(`${GOLD_CATALOG}.${table.source}`))) {
        log(
          `Gold table ${GOLD_CATALOG}.${table.source} is missing from the local lakehouse: loading the synthetic data again.`,
        );
        return false;
      }
    }
    return true;
  } finally {
    await lakehouse.close();
  }
}

/**
 * Lands the synthetic data as gold tables in the local lakehouse, then snapshots every served
 * table from gold with the Synced Tables engine (which records each table's sync status). Returns
 * the call that marks the seed run finished, so an interrupted seed reruns on the next start.
 */
async function seedFromGold(options: {
  db: pg.Pool;
  lakehouseDir: string;
  seed: number;
  scale: string;
  /** The local Lakebase's process, whose peak memory the closing note gives (absent on a server). */
  lakebasePid?: number;
  log: (line: string) => void;
}): Promise<{ runId: number; finish: () => Promise<void> }> {
  const scale = parseScale(options.scale);
  const epoch = currentEpoch();
  const run = await beginSeedRun(options.db, { seed: options.seed, scale: String(scale), epoch });
  const lakehouse = await openLocalLakehouse({ directory: options.lakehouseDir });
  try {
    const { land, sync } = await landAndSync({
      lakehouse,
      pool: options.db,
      seed: options.seed,
      scale,
      epoch,
    });
    options.log(
      `Loaded ${land.rows.toLocaleString("en-US")} rows in ${minutes(land.seconds + sync.seconds)}: gold ${rate(land.rows, land.seconds)}, sync ${rate(sync.rows, sync.seconds)}; ${peakMemory(options.lakebasePid)}`,
    );
    return {
      runId: run.runId,
      finish: () => run.finish(sync.results.map((r) => ({ table: r.name, rows: r.rowsWritten, ms: r.ms }))),
    };
  } finally {
    await lakehouse.close();
  }
}

function rate(rows: number, seconds: number): string {
  return `${Math.round(rows / Math.max(seconds, 0.001)).toLocaleString("en-US")} rows/s`;
}

function minutes(seconds: number): string {
  return seconds < 60
    ? `${seconds.toFixed(1)} s`
    : `${Math.floor(seconds / 60)} min ${Math.floor(seconds % 60)} s`;
}

/** The closing note's memory figure: this process's peak, and the local Lakebase's when it runs here. */
function peakMemory(lakebasePid: number | undefined): string {
  const lakebase = lakebasePid === undefined ? null : peakRssMbOf(lakebasePid);
  return `peak resident memory ${ownPeakRssMb()} MB${lakebase === null ? "" : ` (local Lakebase ${lakebase} MB)`}`;
}

/**
 * On a start with data already loaded, applies whatever changed in gold while nothing ran (the
 * change feed since each table's last processed version). A failure is reported, not fatal: the
 * kits still serve the last synced rows, and the status table says the sync failed.
 */
async function catchUpServedTables(db: pg.Pool, lakehouseDir: string, log: (line: string) => void) {
  try {
    const lakehouse = await openLocalLakehouse({ directory: lakehouseDir });
    try {
      await syncServedTables({ lakehouse, pool: db });
    } finally {
      await lakehouse.close();
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    log(
      `Served tables not refreshed from gold: ${reason} (\`appbase seed --force\` lands gold and syncs again).`,
    );
  }
}
