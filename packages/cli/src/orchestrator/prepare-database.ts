import { datasetsLoaded, datasetsMigrations, loadDatasets } from "@appbase/datasets";
import { applyMigrations, createPool, type DbPool } from "@appbase/db";
import { lakebaseStatus, startLakebaseProcess } from "@appbase/db/local";
import { parseScale } from "@appbase/synthetic-data";
import type { Kit } from "../kits.ts";
import { createProgress } from "../progress.ts";
import { CliError } from "../repo.ts";
import { GOLD_CATALOG, landGoldTables } from "./land-gold.ts";

export interface PreparedDatabase {
  db: DbPool;
  /** True when this call started the local Lakebase (so the caller should stop it on exit). */
  startedLakebase: boolean;
  seeded: boolean;
}

/**
 * Brings the database to a usable state: starts the local Lakebase unless a server is configured,
 * applies the datasets' and every kit's migrations, and loads synthetic data on the first run.
 */
export async function prepareDatabase(options: {
  stateDir: string;
  env: NodeJS.ProcessEnv;
  kits: Kit[];
  seed: number;
  scale: string;
  reseed?: boolean;
  skipSeed?: boolean;
  log?: (line: string) => void;
}): Promise<PreparedDatabase> {
  const log = options.log ?? ((line: string) => console.log(line));
  const external = Boolean(options.env.DATABASE_URL || options.env.PGHOST || options.env.LAKEBASE_ENDPOINT);
  let startedLakebase = false;
  if (!external) {
    const before = await lakebaseStatus({ stateDir: options.stateDir });
    const status = await startLakebaseProcess({ stateDir: options.stateDir });
    if (status.state !== "running")
      throw new CliError(`The local Lakebase did not start; see ${status.logFile}.`);
    startedLakebase = before.state !== "running";
    log(`Local Lakebase ${startedLakebase ? "started" : "already running"} at ${status.url}`);
  }
  const db = await createPool({ env: options.env, applicationName: "appbase-cli" });
  log(`Database: ${db.describe()}`);

  const owners = [
    datasetsMigrations,
    ...options.kits.map((k) => ({ migrationsFolder: k.migrationsFolder, owner: k.schema })),
  ];
  for (const migrations of owners) {
    const { applied } = await applyMigrations(db.pool, migrations);
    log(`Migrations for ${migrations.owner}: ${applied === 0 ? "up to date" : `${applied} applied`}`);
  }

  let seeded = false;
  if (options.skipSeed) {
    // Migrations only.
  } else if (options.reseed || !(await datasetsLoaded(db.pool))) {
    const progress = createProgress("Loading synthetic data");
    const totals = new Map<string, number>();
    const result = await loadDatasets(db.pool, {
      seed: options.seed,
      scale: parseScale(options.scale),
      onProgress: ({ table, rowsDone, rowsTotal }) => {
        totals.set(table, rowsDone);
        const done = [...totals.values()].reduce((a, b) => a + b, 0);
        progress.update(
          done,
          undefined,
          `${table} ${rowsDone.toLocaleString("en-US")}/${rowsTotal.toLocaleString("en-US")}`,
        );
      },
    });
    const rows = result.tables.reduce((sum, t) => sum + t.rows, 0);
    progress.done(`${rows.toLocaleString("en-US")} rows in ${result.tables.length} tables`);
    // The same rows as gold tables in the local lakehouse: the governed source the served tables mirror.
    const gold = createProgress("Landing gold tables in the local lakehouse");
    const landed = await landGoldTables({
      stateDir: options.stateDir,
      seed: options.seed,
      scale: parseScale(options.scale),
      epoch: result.epoch,
      onProgress: ({ table, rowsDone, rowsTotal }) => gold.update(rowsDone, rowsTotal, table),
    });
    gold.done(
      `${landed.rows.toLocaleString("en-US")} rows in ${landed.tables} tables under ${GOLD_CATALOG}.*`,
    );
    seeded = true;
  } else {
    log("Synthetic data already loaded (use `appbase seed --force` to reload)");
  }
  return { db, startedLakebase, seeded };
}
