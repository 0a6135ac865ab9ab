import { join } from "node:path";
import { servedSyncedTables, servedTables } from "@appbase/datasets";
import type { Lakehouse, RowInput } from "@appbase/lakehouse";
import { declarationFromDrizzle } from "@appbase/lakehouse/delta-ddl";
import { type DatasetTable, datasets, type Row, type Scale } from "@appbase/synthetic-data";
import type { PgTable } from "drizzle-orm/pg-core";
import { createProgress } from "../progress.ts";

const BATCH_ROWS = 50_000;
/** The Unity Catalog catalog the gold tables live in locally (a bundle variable on Databricks). */
export const GOLD_CATALOG = "appbase";

/** The local lakehouse folder of a state folder (what kits get as APPBASE_LAKEHOUSE_DIR). */
export function lakehouseDirOf(stateDir: string): string {
  return join(stateDir, "lakehouse");
}

/** One gold table to land: `schema.table` in the source catalog, its synthetic dataset and its served (drizzle) table. */
export interface GoldTable {
  source: string;
  dataset: DatasetTable;
  served: PgTable;
}

/**
 * The gold tables synced tables name as their source (`source_table_full_name` without the catalog):
 * the given synced tables' (a kit's bundle declarations), or every served table's. One answer for the
 * local lakehouse and `appbase data land`, so both land what the bundles sync.
 */
export function goldTablesFor(synced: readonly { source: string }[] = servedSyncedTables): GoldTable[] {
  return synced.map(({ source }) => {
    const dataset = datasets.find((d) => `${d.domain}.${d.name}` === source);
    const served = servedTables[source];
    if (!dataset || !served) {
      throw new Error(
        `Synced table source ${source} has no synthetic gold table: add it to @appbase/synthetic-data and @appbase/datasets servedTables.`,
      );
    }
    return { source, dataset, served };
  });
}

/** Progress of a landing, per batch: the table's rows so far and in all, and the same over every table. */
export interface LandProgress {
  table: string;
  rowsDone: number;
  rowsTotal: number;
  allDone: number;
  allTotal: number;
}

/**
 * Lands every synthetic table in the local lakehouse as a gold table `appbase.<domain>.<table>`,
 * declared from the same drizzle table as its Lakebase copy, so `appbase schema diff` and the
 * Synced Tables engine see the shape the kits read. Replaces what was there (the table is
 * recreated, one commit per batch), so the next sync of each served table must be a snapshot.
 */
export async function landGoldTables(options: {
  lakehouse: Lakehouse;
  seed: number;
  scale: Scale;
  epoch: string;
  onProgress?: (e: LandProgress) => void;
}): Promise<{ tables: number; rows: number; perTable: Map<string, number> }> {
  const lakehouse = options.lakehouse;
  const perTable = new Map<string, number>();
  let rows = 0;
  const gold = goldTablesFor();
  const allTotal = gold.reduce((sum, g) => sum + g.dataset.defaultRows(options.scale), 0);
  for (const { dataset, served } of gold) {
    const table = `${GOLD_CATALOG}.${dataset.domain}.${dataset.name}`;
    const declaration = declarationFromDrizzle(served);
    const stringColumns = new Set(dataset.columns.filter((c) => c.type === "json").map((c) => c.name));
    await lakehouse.ensureSchema(`${GOLD_CATALOG}.${dataset.domain}`);
    await lakehouse.dropTable(table, { ifExists: true });
    await lakehouse.createTable(table, declaration);
    const rowsTotal = dataset.defaultRows(options.scale);
    let batch: RowInput[] = [];
    let done = 0;
    // One commit in flight while the next batch is generated: DuckDB writes on its own threads.
    let writing: Promise<void> = Promise.resolve();
    const flush = async () => {
      const rowsOf = batch;
      batch = [];
      await writing;
      writing = lakehouse.append(table, rowsOf).then(() => {
        done += rowsOf.length;
        options.onProgress?.({ table, rowsDone: done, rowsTotal, allDone: rows + done, allTotal });
      });
    };
    for (const row of dataset.rows({ seed: options.seed, scale: options.scale, epoch: options.epoch })) {
      batch.push(toGoldRow(row, stringColumns));
      if (batch.length >= BATCH_ROWS) await flush();
    }
    if (batch.length > 0) await flush();
    await writing;
    rows += done;
    perTable.set(`${dataset.domain}.${dataset.name}`, done);
  }
  return { tables: gold.length, rows, perTable };
}

/** JSON columns are STRING in Delta (as Databricks stores them); everything else passes through. */
export function toGoldRow(row: Row, jsonColumns: Set<string>): RowInput {
  const out: Record<string, unknown> = { ...row };
  for (const name of jsonColumns) {
    const value = out[name];
    if (value !== null && value !== undefined) out[name] = JSON.stringify(value);
  }
  // After stringifying JSON columns every value is a scalar the lakehouse accepts.
  return out as RowInput;
}

/** `landGoldTables` behind one progress bar over every table; also returns how long it took. */
export async function landGoldWithProgress(
  options: Omit<Parameters<typeof landGoldTables>[0], "onProgress">,
): Promise<Awaited<ReturnType<typeof landGoldTables>> & { seconds: number }> {
  const gold = createProgress("Landing gold tables in the local lakehouse");
  const started = performance.now();
  const landed = await landGoldTables({
    ...options,
    onProgress: (p) =>
      gold.update(
        p.allDone,
        p.allTotal,
        `${p.table} ${p.rowsDone.toLocaleString("en-US")}/${p.rowsTotal.toLocaleString("en-US")}`,
      ),
  });
  const seconds = (performance.now() - started) / 1000;
  const rate = Math.round(landed.rows / Math.max(seconds, 0.001)).toLocaleString("en-US");
  gold.done(
    `${landed.rows.toLocaleString("en-US")} rows in ${landed.tables} tables under ${GOLD_CATALOG}.* (${rate} rows/s)`,
  );
  return { ...landed, seconds };
}
