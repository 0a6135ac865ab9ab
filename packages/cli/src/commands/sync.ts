import { createPool } from "@appbase/db";
import type { SyncRunMode } from "@appbase/lakehouse/sync";
import type { Command } from "commander";
import type pg from "pg";
import { servedTablesEngine, statusRows, syncServedTables } from "../orchestrator/sync-served.ts";
import { CliError } from "../repo.ts";
import { print, withLakehouse } from "./lakehouse.ts";

const MODES: readonly SyncRunMode[] = ["auto", "snapshot", "incremental"];

/** Connects to the configured database: the local Lakebase unless DATABASE_URL, PGHOST or LAKEBASE_ENDPOINT point elsewhere. */
async function withPool<T>(task: (pool: pg.Pool) => Promise<T>): Promise<T> {
  const db = await createPool({ env: process.env, applicationName: "appbase-sync" }).catch((error: Error) => {
    throw new CliError(error.message);
  });
  try {
    return await task(db.pool);
  } finally {
    await db.close();
  }
}

function knownTable(name: string | undefined, names: readonly string[]): void {
  if (name !== undefined && !names.includes(name)) {
    throw new CliError(`No synced table named ${name}. Synced tables: ${names.join(", ")}.`);
  }
}

/** `appbase sync status | run [table] [--mode …]`: the served tables' Synced Tables, from their gold sources. */
export function registerSyncCommands(program: Command): void {
  const sync = program
    .command("sync")
    .description("Synced Tables: the served tables copied from their gold tables in the local lakehouse");

  sync
    .command("status [table]")
    .description("detailed_state, last sync time and last processed commit version per synced table")
    .option("--json", "print JSON")
    .action((table: string | undefined, o: { json?: boolean }) =>
      withPool((pool) =>
        withLakehouse(async (lakehouse) => {
          const engine = servedTablesEngine({ lakehouse, pool });
          knownTable(table, engine.names());
          const statuses = await engine.status(table);
          print(o.json ? statuses : statusRows(statuses), o.json);
        }),
      ),
    );

  sync
    .command("run [table]")
    .description(
      "sync one served table (schema.table) or all now: a snapshot the first time, then the gold change feed since the last processed version",
    )
    .option("--mode <mode>", `auto (by scheduling policy), snapshot (full copy) or incremental`, "auto")
    .action((table: string | undefined, o: { mode: string }) => {
      if (!MODES.includes(o.mode as SyncRunMode))
        throw new CliError(`--mode must be one of ${MODES.join(", ")}, got "${o.mode}".`);
      return withPool((pool) =>
        withLakehouse(async (lakehouse) => {
          knownTable(table, servedTablesEngine({ lakehouse, pool }).names());
          await syncServedTables({ lakehouse, pool, only: table, mode: o.mode as SyncRunMode });
        }),
      );
    });
}
