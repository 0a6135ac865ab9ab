import { createHash } from "node:crypto";
import { datasets, serializeDataset } from "@appbase/synthetic-data";
import type { Queryable } from "./queryable.ts";

/**
 * `appbase_meta.seed_runs` records each load: a row is inserted before the first batch and
 * finished only after the last, so a load that was killed half-way leaves an unfinished row
 * and the next start reloads instead of trusting partial data. Created on demand (not by a
 * migration) so that `datasetsLoaded` answers "no" on a database nobody has touched yet.
 */
const ENSURE_SQL = [
  "CREATE SCHEMA IF NOT EXISTS appbase_meta",
  `CREATE TABLE IF NOT EXISTS appbase_meta.seed_runs (
    run_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    seed bigint NOT NULL,
    scale text NOT NULL,
    fingerprint text NOT NULL,
    epoch timestamptz,
    started_at timestamptz NOT NULL DEFAULT now(),
    finished_at timestamptz,
    tables jsonb
  )`,
  // Databases made before runs recorded their epoch.
  "ALTER TABLE appbase_meta.seed_runs ADD COLUMN IF NOT EXISTS epoch timestamptz",
];

/** Creates the run marker table if it does not exist yet. */
export async function ensureSeedRuns(db: Queryable): Promise<void> {
  for (const statement of ENSURE_SQL) await db.query(statement);
}

let fingerprint: string | undefined;

/**
 * Hash of every table's columns and of the generators' output at the tiny scale: data loaded by
 * other table shapes or other generator code is not "loaded", so the next start reloads it.
 */
export function datasetsFingerprint(): string {
  if (fingerprint) return fingerprint;
  const hash = createHash("sha256");
  for (const d of datasets) {
    hash.update(JSON.stringify([d.domain, d.name, d.columns.map((c) => [c.name, c.type, c.nullable])]));
    for (const chunk of serializeDataset(d, { seed: 0, scale: "tiny" }, "csv")) hash.update(chunk.text);
  }
  fingerprint = hash.digest("hex").slice(0, 16);
  return fingerprint;
}

export interface SeedRun {
  runId: number;
  seed: number;
  scale: string;
  fingerprint: string;
  /** The data set's "now" the run generated against (null for runs recorded before epochs were). */
  epoch: Date | null;
  startedAt: Date;
  finishedAt: Date | null;
  tables: Array<{ table: string; rows: number; ms: number }> | null;
}

/** The most recent load attempt, finished or not; null when data was never loaded. */
export async function latestSeedRun(db: Queryable): Promise<SeedRun | null> {
  const exists = await db.query<{ found: string | null }>(
    "SELECT to_regclass('appbase_meta.seed_runs')::text AS found",
  );
  if (!exists.rows[0]?.found) return null;
  const result = await db.query<{
    run_id: string;
    seed: string;
    scale: string;
    fingerprint: string;
    epoch: Date | null;
    started_at: Date;
    finished_at: Date | null;
    tables: SeedRun["tables"];
  }>("SELECT * FROM appbase_meta.seed_runs ORDER BY run_id DESC LIMIT 1");
  const row = result.rows[0];
  if (!row) return null;
  return {
    runId: Number(row.run_id),
    seed: Number(row.seed),
    scale: row.scale,
    fingerprint: row.fingerprint,
    epoch: row.epoch,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    tables: row.tables,
  };
}

/**
 * True when the latest load finished for the current table shapes (and, if given, for this
 * seed and scale); false for never loaded, killed half-way, or loaded with other settings.
 */
export async function datasetsLoaded(
  db: Queryable,
  expected: { seed?: number; scale?: string | number } = {},
): Promise<boolean> {
  const run = await latestSeedRun(db);
  if (!run || run.finishedAt === null || run.fingerprint !== datasetsFingerprint()) return false;
  if (expected.seed !== undefined && run.seed !== expected.seed) return false;
  if (expected.scale !== undefined && run.scale !== String(expected.scale)) return false;
  return true;
}

/** Records the start of a load; returns its run id. */
export async function startSeedRun(
  db: Queryable,
  run: { seed: number; scale: string; epoch: string },
): Promise<number> {
  const result = await db.query<{ run_id: string }>(
    "INSERT INTO appbase_meta.seed_runs (seed, scale, epoch, fingerprint) VALUES ($1, $2, $3, $4) RETURNING run_id",
    [run.seed, run.scale, run.epoch, datasetsFingerprint()],
  );
  return Number(result.rows[0]!.run_id);
}

/** Marks a load complete, with what it loaded per table. */
export async function finishSeedRun(db: Queryable, runId: number, tables: SeedRun["tables"]): Promise<void> {
  await db.query(
    "UPDATE appbase_meta.seed_runs SET finished_at = clock_timestamp(), tables = $2 WHERE run_id = $1",
    [runId, JSON.stringify(tables)],
  );
}

const HOUR_MS = 3_600_000;

/** The data set's default "now": the start of the current UTC hour, so served data looks current. */
export function currentEpoch(now = Date.now()): string {
  return new Date(Math.floor(now / HOUR_MS) * HOUR_MS).toISOString();
}

/**
 * Records the start of a load made by other means than `loadDatasets` (e.g. gold tables synced by
 * the Synced Tables engine); call `finish` once every table is complete, so `datasetsLoaded` only
 * says yes to a complete load.
 */
export async function beginSeedRun(
  db: Queryable,
  run: { seed: number; scale: string; epoch: string },
): Promise<{ runId: number; finish: (tables: NonNullable<SeedRun["tables"]>) => Promise<void> }> {
  await ensureSeedRuns(db);
  const runId = await startSeedRun(db, run);
  return { runId, finish: (tables) => finishSeedRun(db, runId, tables) };
}
