import type { Lakehouse } from "@appbase/lakehouse";
import type { SyncRunResult } from "@appbase/lakehouse/sync";
import type { Scale } from "@appbase/synthetic-data";
import type pg from "pg";
import { landGoldWithProgress } from "./land-gold.ts";
import { syncServedTables } from "./sync-served.ts";

/** What one first load did: the gold landing and the snapshot sync, each with its rows and seconds. */
export interface LandAndSyncResult {
  land: { rows: number; tables: number; seconds: number; perTable: Map<string, number> };
  sync: { rows: number; seconds: number; results: Array<SyncRunResult & { ms: number }> };
}

/**
 * A first load: lands every synthetic table as gold in the local lakehouse, then snapshots every
 * served table from it into Postgres, each stage behind its progress bar. Gold was recreated, so its
 * versions restarted: every served table takes a fresh snapshot, whatever its policy.
 */
export async function landAndSync(options: {
  lakehouse: Lakehouse;
  pool: Pick<pg.Pool, "query" | "connect">;
  seed: number;
  scale: Scale;
  epoch: string;
}): Promise<LandAndSyncResult> {
  const { lakehouse, seed, scale, epoch } = options;
  const landed = await landGoldWithProgress({ lakehouse, seed, scale, epoch });
  const started = performance.now();
  const results = await syncServedTables({
    lakehouse,
    pool: options.pool,
    mode: "snapshot",
    expectedRows: landed.perTable,
  });
  return {
    land: { rows: landed.rows, tables: landed.tables, seconds: landed.seconds, perTable: landed.perTable },
    sync: {
      rows: results.reduce((sum, r) => sum + r.rowsWritten, 0),
      seconds: (performance.now() - started) / 1000,
      results,
    },
  };
}
