import { applyMigrations, createPool } from "@appbase/db";
import { resolveStateDir } from "@appbase/db/local";
import { LakehouseError } from "@appbase/lakehouse";
import {
  type GovernanceSql,
  GovernanceWriter,
  type GovernedTable,
  governanceMigrations,
  OutboxStore,
} from "@appbase/lakehouse/governance";
import { openLocalLakehouse } from "@appbase/lakehouse/local";
import type { Command } from "commander";
import type pg from "pg";
import { governedTablesOf } from "../kit-modules.ts";
import { discoverKits } from "../kits.ts";
import { lakehouseDirOf } from "../orchestrator/land-gold.ts";
import { CliError, findRepoRoot } from "../repo.ts";
import { registerGovernanceAsOf } from "./governance-as-of.ts";

export interface GovernanceCommandOptions {
  /** The governed table declarations; default: those of every kit whose kit.ts declares `governed`. */
  governedTables?: () => Promise<readonly GovernedTable[]>;
}

/** The governed tables every kit declares (kit.ts `governed`). */
const kitsGovernedTables = async () => governedTablesOf(await discoverKits(findRepoRoot()));

/** Connects to the configured database (the local Lakebase by default) and migrates the outbox schema. */
async function withOutboxPool<T>(task: (pool: pg.Pool) => Promise<T>): Promise<T> {
  const db = await createPool({ env: process.env, applicationName: "appbase-governance" }).catch(
    (error: Error) => {
      throw new CliError(error.message);
    },
  );
  try {
    await applyMigrations(db.pool, governanceMigrations);
    return await task(db.pool);
  } finally {
    await db.close();
  }
}

/** Runs `task` with a Governance Writer over the governed tables, the configured Postgres and the local lakehouse. */
export async function withWriter<T>(
  options: GovernanceCommandOptions,
  task: (writer: GovernanceWriter) => Promise<T>,
): Promise<T> {
  const tables = await (options.governedTables ?? kitsGovernedTables)();
  if (tables.length === 0) {
    throw new CliError(
      'No kit declares governed tables: add "governed": "src/db/governed.ts" (a module exporting governedTables) to a kit manifest.',
    );
  }
  return withOutboxPool(async (pool) => {
    const lakehouse = await openLocalLakehouse({
      directory: lakehouseDirOf(resolveStateDir(process.env)),
    }).catch((error: Error) => {
      throw new CliError(error.message);
    });
    try {
      const writer = new GovernanceWriter({
        lakehouse,
        lakebase: pool as unknown as GovernanceSql,
        tables,
      });
      await writer.ensureLakehouseTables();
      return await task(writer);
    } catch (error) {
      if (error instanceof LakehouseError) throw new CliError(`${error.code}: ${error.message}`);
      throw error;
    } finally {
      await lakehouse.close();
    }
  });
}

/** `appbase governance outbox | drain | reconcile [table]`. */
export function registerGovernanceCommands(program: Command, options: GovernanceCommandOptions = {}): void {
  const governance = program
    .command("governance")
    .description("the Governance Writer: outbox of undelivered sinks, retries, Lakebase repair from silver");

  governance
    .command("outbox")
    .description("undelivered Lakebase and bronze writes, oldest first")
    .option("--limit <n>", "at most n entries", "200")
    .option("--json", "print JSON")
    .action((o: { limit: string; json?: boolean }) =>
      withOutboxPool(async (pool) => {
        if (!/^\d+$/.test(o.limit))
          throw new CliError(`--limit must be a positive integer, got "${o.limit}".`);
        const entries = await new OutboxStore(pool as unknown as GovernanceSql).list(Number(o.limit));
        if (o.json) return console.log(JSON.stringify(entries, null, 2));
        if (entries.length === 0)
          return console.log("The outbox is empty: every write reached Lakebase and bronze.");
        console.table(
          entries.map((e) => ({
            event: e.eventId,
            sink: e.sink,
            table: e.governedTable,
            key: JSON.stringify(e.rowKey),
            state: e.state,
            attempts: e.attempts,
            next: e.nextAttemptAt,
            error: e.lastError ?? "",
          })),
        );
      }),
    );

  governance
    .command("drain")
    .description("deliver every due outbox entry now (the worker does this in the local platform process)")
    .option("--all", "also entries still waiting for their backoff, and intents older than 0 s")
    .action((o: { all?: boolean }) =>
      withWriter(options, async (writer) => {
        const report = await writer.drainOutbox(
          o.all ? { now: new Date(Date.now() + 365 * 86_400_000), intentGraceMs: 0 } : {},
        );
        console.log(
          `Delivered ${report.delivered.lakebase} Lakebase and ${report.delivered.bronze} bronze write(s); ` +
            `failed ${report.failed.lakebase + report.failed.bronze}; stale intents committed ${report.intents.committed}, dropped ${report.intents.abandoned}.`,
        );
        if (report.failed.lakebase + report.failed.bronze > 0) process.exitCode = 1;
      }),
    );

  governance
    .command("reconcile [table]")
    .description(
      "make Lakebase equal silver for one governed table (schema.table) or all, and report the fixes",
    )
    .option("--json", "print JSON")
    .action((table: string | undefined, o: { json?: boolean }) =>
      withWriter(options, async (writer) => {
        const reports = await writer.reconcile(table);
        if (o.json) return console.log(JSON.stringify(reports, null, 2));
        for (const r of reports) {
          const fixed = r.inserted.length + r.updated.length + r.deleted.length;
          console.log(
            fixed === 0
              ? `${r.table}: Lakebase matches silver (${r.silverRows} rows).`
              : `${r.table}: fixed ${fixed} row(s) of ${r.silverRows}: inserted ${r.inserted.join(" ") || "-"}, updated ${r.updated.join(" ") || "-"}, deleted ${r.deleted.join(" ") || "-"}.`,
          );
        }
      }),
    );

  registerGovernanceAsOf(governance, (task) => withWriter(options, task));
}
