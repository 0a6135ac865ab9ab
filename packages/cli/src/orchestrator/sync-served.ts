import { servedSyncedTables } from "@appbase/datasets";
import type { Lakehouse } from "@appbase/lakehouse";
import {
  poolSyncPostgres,
  type SyncedTableDeclaration,
  type SyncedTableStatus,
  SyncedTablesEngine,
  type SyncProgress,
  type SyncRunMode,
  type SyncRunResult,
} from "@appbase/lakehouse/sync";
import type pg from "pg";
import { createProgress } from "../progress.ts";
import { GOLD_CATALOG } from "./land-gold.ts";

export interface SyncServedOptions {
  lakehouse: Lakehouse;
  pool: Pick<pg.Pool, "query" | "connect">;
  /** Default: every served table (`servedSyncedTables` from @appbase/datasets). */
  tables?: readonly SyncedTableDeclaration[];
  /** One table (`schema.table`); default all. */
  only?: string;
  mode?: SyncRunMode;
  /** Expected rows per table (`schema.table`), for a progress bar with a total. */
  expectedRows?: ReadonlyMap<string, number>;
}

/** The local Synced Tables engine over the served tables, their gold sources in the `appbase` catalog. */
export function servedTablesEngine(
  options: Pick<SyncServedOptions, "lakehouse" | "pool" | "tables"> & {
    onProgress?: (p: SyncProgress) => void;
  },
): SyncedTablesEngine {
  return new SyncedTablesEngine({
    lakehouse: options.lakehouse,
    postgres: poolSyncPostgres(options.pool),
    tables: options.tables ?? servedSyncedTables,
    sourceCatalog: GOLD_CATALOG,
    onProgress: options.onProgress,
  });
}

/**
 * Runs the Synced Tables engine for the served tables (or one), one after another, with one
 * progress bar over all of them and a line per table; stops at the first failure, whose status
 * the engine has recorded.
 */
export async function syncServedTables(
  options: SyncServedOptions,
): Promise<Array<SyncRunResult & { ms: number }>> {
  let before = 0;
  const engine = servedTablesEngine({
    ...options,
    onProgress: (p) =>
      progress.update(
        before + p.rowsDone,
        total || undefined,
        `${p.name} ${p.rowsDone.toLocaleString("en-US")}${p.rowsTotal ? `/${p.rowsTotal.toLocaleString("en-US")}` : ""}`,
      ),
  });
  const names = options.only ? [options.only] : engine.names();
  const expected = options.expectedRows;
  const total = expected ? names.reduce((sum, n) => sum + (expected.get(n) ?? 0), 0) : undefined;
  const progress = createProgress(`Syncing ${names.length === 1 ? names[0] : "served tables"} from gold`);
  const results: Array<SyncRunResult & { ms: number }> = [];
  for (const name of names) {
    const started = performance.now();
    const result = await engine.run(name, { mode: options.mode ?? "auto" });
    const ms = Math.round(performance.now() - started);
    before += result.rowsWritten;
    results.push({ ...result, ms });
    // Tables already current are summed up at the end rather than listed one by one.
    if (result.mode !== "up-to-date" || options.only)
      progress.note(`  ${name}: ${describeRun(result)} (${(ms / 1000).toFixed(1)}s)`);
  }
  const rows = results.reduce((sum, r) => sum + r.rowsWritten, 0);
  const current = results.filter((r) => r.mode === "up-to-date").length;
  progress.done(
    `${rows.toLocaleString("en-US")} rows written in ${results.length} table(s)${current > 0 ? `, ${current} already up to date` : ""}`,
  );
  return results;
}

/** One line per run: what the engine did and where the table now stands. */
export function describeRun(r: SyncRunResult): string {
  const rows = `${r.rowsWritten.toLocaleString("en-US")} row(s)`;
  if (r.mode === "up-to-date") return `up to date at version ${r.toVersion}`;
  if (r.mode === "snapshot") return `snapshot of version ${r.toVersion}, ${rows}`;
  return `versions ${r.fromVersion}..${r.toVersion}, ${r.keysDeleted} key(s) touched, ${rows} written`;
}

/** Status rows for a terminal table. */
export function statusRows(statuses: readonly SyncedTableStatus[]): Record<string, string | number>[] {
  return statuses.map((s) => ({
    table: s.name,
    source: s.source_table_full_name,
    policy: s.scheduling_policy,
    state: s.detailed_state,
    last_sync_time: s.last_sync_time ?? "never",
    version: s.last_processed_commit_version ?? "-",
    message: s.message ?? "",
  }));
}
