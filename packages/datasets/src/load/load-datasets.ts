import { type DatasetTable, datasets, parseScale, type Row } from "@appbase/synthetic-data";
import { z } from "zod";
import { unnestInsertSql, unnestParams, valuesInsert } from "./insert-batch.ts";
import type { Queryable } from "./queryable.ts";
import { currentEpoch, ensureSeedRuns, finishSeedRun, startSeedRun } from "./seed-runs.ts";

export interface LoadProgress {
  table: string;
  rowsDone: number;
  rowsTotal: number;
}

export interface LoadDatasetsOptions {
  seed: number;
  /** A named scale (`tiny`, `default`, `large`) or a number of customers. */
  scale: string | number;
  /**
   * The data set's "now" (ISO-8601). Defaults to the start of the current UTC hour, so served data
   * looks current when the apps start (feature freshness, queue ages, due dates); pass a fixed
   * epoch (e.g. DEFAULT_EPOCH) for a load that is byte-identical on every run.
   */
  epoch?: string;
  /** Rows per INSERT (each its own short transaction, so other clients get turns in between). */
  batchSize?: number;
  /** `unnest` (default, faster) or multi-row `values`; kept selectable for the benchmark. */
  strategy?: "unnest" | "values";
  onProgress?: (event: LoadProgress) => void;
  /** Stops between batches; the run stays unfinished, so the next start reloads. */
  signal?: AbortSignal;
}

export interface LoadedTable {
  table: string;
  rows: number;
  ms: number;
}

const optionsSchema = z.object({
  seed: z.number().int().min(0).max(0xffffffff),
  scale: z.union([z.string(), z.number()]),
  epoch: z.iso.datetime({ offset: true }).optional(),
  batchSize: z.number().int().min(1).max(100_000).optional(),
  strategy: z.enum(["unnest", "values"]).optional(),
});

const qualified = (t: DatasetTable) => `${t.domain}.${t.name}`;

async function assertTablesExist(db: Queryable): Promise<void> {
  const result = await db.query<{ name: string }>(
    "SELECT name FROM unnest($1::text[]) AS name WHERE to_regclass(name) IS NULL",
    [datasets.map(qualified)],
  );
  const missing = result.rows.map((r) => r.name);
  if (missing.length > 0) {
    throw new Error(
      `loadDatasets: table ${missing.join(", ")} does not exist; apply the datasets migrations first ` +
        "(applyMigrations(pool, datasetsMigrations) from @appbase/db, or `appbase migrate`)",
    );
  }
}

async function insertBatch(db: Queryable, table: DatasetTable, rows: Row[], strategy: "unnest" | "values") {
  if (strategy === "unnest") {
    await db.query(
      unnestInsertSql(table.domain, table.name, table.columns),
      unnestParams(table.columns, rows),
    );
  } else {
    const { text, values } = valuesInsert(table.domain, table.name, table.columns, rows);
    await db.query(text, values);
  }
}

/**
 * Loads every synthetic table straight into its served table, parents first, in batched INSERTs
 * (never COPY: it breaks pglite-socket). Existing rows are replaced; the run is recorded in
 * `appbase_meta.seed_runs` and only marked finished once every table is complete. This is the
 * direct path for tests and benchmarks; `appbase up` lands gold and runs the Synced Tables engine
 * instead, which also records each table's sync status. A direct load records none.
 */
export async function loadDatasets(
  db: Queryable,
  options: LoadDatasetsOptions,
): Promise<{ epoch: string; tables: LoadedTable[] }> {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`loadDatasets: ${issue?.path.join(".") || "options"}: ${issue?.message ?? "invalid"}`);
  }
  const scale = parseScale(options.scale); // throws naming `scale` and the valid choices
  const strategy = options.strategy ?? "unnest";
  const epoch = options.epoch ?? currentEpoch();
  const generate = { seed: options.seed, scale, epoch };

  await assertTablesExist(db);
  await ensureSeedRuns(db);
  const runId = await startSeedRun(db, { seed: options.seed, scale: String(scale), epoch });
  // Clear everything first: a previous load may have been killed half-way.
  await db.query(`TRUNCATE TABLE ${datasets.map(qualified).join(", ")}`);

  const loaded: LoadedTable[] = [];
  for (const table of datasets) {
    const started = performance.now();
    const rowsTotal = table.defaultRows(generate.scale);
    // Multi-row VALUES is capped at 65,535 parameters per statement.
    const limit =
      strategy === "values" ? Math.floor(65_535 / table.columns.length) : Number.POSITIVE_INFINITY;
    const batchSize = Math.min(options.batchSize ?? 5_000, limit);
    let rowsDone = 0;
    options.onProgress?.({ table: qualified(table), rowsDone, rowsTotal });
    // One batch in flight while the next is generated: the database works while we compute.
    let inFlight: Promise<void> = Promise.resolve();
    const send = async (batch: Row[]) => {
      await inFlight;
      options.signal?.throwIfAborted();
      inFlight = insertBatch(db, table, batch, strategy).then(() => {
        rowsDone += batch.length;
        options.onProgress?.({ table: qualified(table), rowsDone, rowsTotal });
      });
    };
    try {
      let batch: Row[] = [];
      for (const row of table.rows(generate)) {
        batch.push(row);
        if (batch.length >= batchSize) {
          await send(batch);
          batch = [];
        }
      }
      if (batch.length > 0) await send(batch);
      await inFlight;
    } catch (error) {
      // Never leave a batch settling unobserved behind the error we report.
      await inFlight.catch(() => undefined);
      throw error;
    }
    loaded.push({ table: qualified(table), rows: rowsDone, ms: Math.round(performance.now() - started) });
  }
  // Fresh statistics, so the first queries plan with the real row counts (PGlite has no autovacuum).
  await db.query(`ANALYZE ${datasets.map(qualified).join(", ")}`);
  await finishSeedRun(db, runId, loaded);
  return { epoch, tables: loaded };
}
