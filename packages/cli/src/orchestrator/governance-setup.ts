import { applyMigrations } from "@appbase/db";
import {
  type GovernanceSql,
  GovernanceWriter,
  type GovernedTable,
  governanceMigrations,
} from "@appbase/lakehouse/governance";
import { openLocalLakehouse } from "@appbase/lakehouse/local";
import type pg from "pg";

/**
 * Readies the Governance Writer for the kits' governed tables: the outbox (governanceMigrations)
 * in Postgres, silver and bronze tables in the local lakehouse. Idempotent; a no-op without tables.
 */
export async function prepareGovernance(options: {
  pool: pg.Pool;
  lakehouseDir: string;
  tables: readonly GovernedTable[];
  log: (line: string) => void;
}): Promise<void> {
  if (options.tables.length === 0) return;
  const { applied } = await applyMigrations(options.pool, governanceMigrations);
  options.log(
    `Migrations for ${governanceMigrations.owner}: ${applied === 0 ? "up to date" : `${applied} applied`}`,
  );
  const lakehouse = await openLocalLakehouse({ directory: options.lakehouseDir });
  try {
    const writer = new GovernanceWriter({
      lakehouse,
      // A pg.Pool is a GovernanceSql; pg's wider generic signatures need the cast.
      lakebase: options.pool as unknown as GovernanceSql,
      tables: options.tables,
    });
    await writer.ensureLakehouseTables();
  } finally {
    await lakehouse.close();
  }
  options.log(
    `Governed tables ready (silver and bronze in the local lakehouse): ${options.tables.map((t) => t.id).join(", ")}`,
  );
}
