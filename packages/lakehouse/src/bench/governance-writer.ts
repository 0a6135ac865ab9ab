import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { integer, pgSchema, text } from "drizzle-orm/pg-core";
import { EVENT_ID_COLUMN, type GovernedTable, governedTable } from "../governance/governed-table.ts";
import { stageUpsert } from "../governance/lakebase-sink.ts";
import type { GovernanceSql } from "../governance/sql.ts";
import { GovernanceWriter } from "../governance/writer.ts";
import type { Lakehouse } from "../lakehouse.ts";
import { openLocalLakehouse } from "../local/local-lakehouse.ts";
import type { Row } from "../values.ts";

export interface LatencySummary {
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
}

/** Latencies of one side at one concurrency, and the operations per second it sustained. */
export interface LoadSummary extends LatencySummary {
  operations: number;
  concurrency: number;
  throughputPerSec: number;
}

/** A governed write beside its floor, at one concurrency, measured in alternating rounds. */
export interface FloorComparison {
  concurrency: number;
  /** The floor: the silver MERGE of the row with its Lakebase upsert staged in parallel, committed after. */
  floor: LoadSummary;
  /** GovernanceWriter.write: versions, outbox, silver ║ Lakebase, outbox settle (bronze behind, in throughput). */
  writer: LoadSummary;
  /** writer / floor at p50 and p99 (goal: both ≤ 1.5). */
  ratio: { p50: number; p99: number };
}

export interface GovernanceBenchResult {
  writes: number;
  /** One caller after another. */
  sequential: FloorComparison;
  /** Several callers at once: the writer's group commit against floor commits at the same concurrency. */
  concurrent: FloorComparison;
  /** writeMany of `batch` rows (and their bronze appends) against the floor's merge + upsert of the same batches, in rows/s. */
  writeMany: {
    batch: number;
    batches: number;
    floorRowsPerSec: number;
    writerRowsPerSec: number;
    ratio: number;
  };
  /** One version-guarded INSERT … ON CONFLICT on the same Postgres, for scale (the earlier baseline). */
  upsert: LatencySummary;
}

const schema = pgSchema("bench_governance");
const columns = {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  risk: integer("risk").notNull(),
  version: integer("version").notNull(),
};
const registry = schema.table("registry", columns);
const floorTable = schema.table("floor", columns);

/** Percentiles by nearest rank over sorted samples. */
export function summarize(samples: readonly number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
  const round = (n: number) => Math.round(n * 1000) / 1000;
  return {
    p50Ms: round(at(0.5)),
    p99Ms: round(at(0.99)),
    meanMs: round(sorted.reduce((s, x) => s + x, 0) / Math.max(1, sorted.length)),
  };
}

/** Runs `count` operations from `concurrency` workers; returns each latency and the elapsed time. */
async function runOps(
  count: number,
  concurrency: number,
  op: (i: number) => Promise<unknown>,
): Promise<{ latencies: number[]; elapsedMs: number }> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    for (let i = next++; i < count; i = next++) {
      const t0 = performance.now();
      await op(i);
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { latencies, elapsedMs: performance.now() - started };
}

/**
 * Both sides in alternating rounds of `round` operations, so load from other work on the machine
 * falls on both alike; each side's latencies and busy time are summed over its rounds. `settle`
 * runs after each writer round, inside its busy time: the bronze appends that follow the writes
 * are finished there, so none of the writer's work spills into the floor's round.
 */
async function alternate(
  total: number,
  concurrency: number,
  round: number,
  sides: {
    floor: (i: number) => Promise<unknown>;
    writer: (i: number) => Promise<unknown>;
    settle: () => Promise<unknown>;
  },
): Promise<FloorComparison> {
  const acc = { floor: { latencies: [] as number[], ms: 0 }, writer: { latencies: [] as number[], ms: 0 } };
  for (let start = 0; start < total; start += round) {
    const n = Math.min(round, total - start);
    for (const side of ["floor", "writer"] as const) {
      const run = await runOps(n, concurrency, (i) => sides[side](start + i));
      acc[side].latencies.push(...run.latencies);
      acc[side].ms += run.elapsedMs;
    }
    const t0 = performance.now();
    await sides.settle();
    acc.writer.ms += performance.now() - t0;
  }
  const load = (side: "floor" | "writer"): LoadSummary => ({
    ...summarize(acc[side].latencies),
    operations: total,
    concurrency,
    throughputPerSec: Math.round((total / acc[side].ms) * 1000),
  });
  const floor = load("floor");
  const writer = load("writer");
  const r = (a: number, b: number) => Math.round((a / b) * 100) / 100;
  return {
    concurrency,
    floor,
    writer,
    ratio: { p50: r(writer.p50Ms, floor.p50Ms), p99: r(writer.p99Ms, floor.p99Ms) },
  };
}

/** The floor of a governed write: silver MERGE with the Lakebase upsert staged in parallel, then COMMIT. */
async function floorWrite(lakehouse: Lakehouse, pool: GovernanceSql, table: GovernedTable, rows: Row[]) {
  const staged = stageUpsert(pool, table, rows);
  try {
    await lakehouse.merge(table.silver, rows, { keys: table.key });
  } catch (error) {
    await (await staged).rollback();
    throw error;
  }
  if (!(await (await staged).commit())) throw new Error("bench floor: the Lakebase upsert failed");
}

/**
 * Benchmark: governed writes (a fresh local lakehouse, Lakebase on `pool`) against their floor on
 * an identical table of the same lakehouse and Postgres: one caller at a time, `concurrency`
 * callers at once, and writeMany batches in rows/s. Keys repeat (a key space of writes/4), so
 * both sides mix inserts and updates. The pool's database needs `governanceMigrations` applied
 * (the outbox); the bench creates and drops schema bench_governance.
 */
export async function benchGovernanceWriter(options: {
  writes: number;
  pool: GovernanceSql;
  concurrency?: number;
  batch?: number;
  batches?: number;
  onStep?: (step: string) => void;
}): Promise<GovernanceBenchResult> {
  const { pool, writes } = options;
  const concurrency = options.concurrency ?? 8;
  const batch = options.batch ?? 500;
  const batches = options.batches ?? 6;
  const outbox = await pool.query("SELECT to_regclass('appbase_governance.outbox') IS NOT NULL AS ok");
  if (!outbox.rows[0]?.ok) {
    throw new Error(
      "benchGovernanceWriter: appbase_governance.outbox is missing; run applyMigrations(pool, governanceMigrations) first.",
    );
  }
  await pool.query(`DROP SCHEMA IF EXISTS bench_governance CASCADE; CREATE SCHEMA bench_governance;
    CREATE TABLE bench_governance.registry (id text PRIMARY KEY, name text NOT NULL, risk integer NOT NULL, version integer NOT NULL);
    CREATE TABLE bench_governance.floor (LIKE bench_governance.registry INCLUDING ALL);
    CREATE TABLE bench_governance.plain (LIKE bench_governance.registry INCLUDING ALL)`);
  const dir = mkdtempSync(path.join(tmpdir(), "governance-bench-"));
  const lakehouse = await openLocalLakehouse({ directory: dir });
  try {
    const table = governedTable(registry, {
      silver: "main.bench_silver.registry",
      bronze: "main.bench_bronze.registry_events",
      versionColumn: "version",
    });
    const floor = governedTable(floorTable, {
      silver: "main.bench_silver.floor",
      bronze: "main.bench_bronze.floor_events",
      versionColumn: "version",
    });
    const writer = new GovernanceWriter({ lakehouse, lakebase: pool, tables: [table] });
    await writer.ensureLakehouseTables();
    await new GovernanceWriter({ lakehouse, lakebase: pool, tables: [floor] }).ensureLakehouseTables();
    const keys = Math.max(1, Math.floor(writes / 4));
    const key = (i: number) => `m${(i * 7919) % keys}`;
    // The floor's rows carry what the writer's silver rows carry; a rising version passes the guard.
    let floorVersion = 0;
    const floorRow = (id: string, i: number): Row => ({
      id,
      name: `n${i}`,
      risk: i % 5,
      version: ++floorVersion,
      [EVENT_ID_COLUMN]: randomUUID(),
    });
    const write = (i: number, offset: number) =>
      writer.write(table, { id: key(i + offset), name: `n${i}`, risk: i % 5 }, { actor: "bench" });

    options.onStep?.(`governed write vs floor, one caller: ${writes} each`);
    const sequential = await alternate(writes, 1, 25, {
      floor: (i) => floorWrite(lakehouse, pool, floor, [floorRow(key(i), i)]),
      writer: (i) => write(i, 0),
      settle: () => writer.flushBronze(),
    });
    options.onStep?.(`governed write vs floor, ${concurrency} callers: ${writes} each`);
    // Concurrent callers write distinct keys at any moment (as distinct users would).
    const concurrent = await alternate(writes, concurrency, 100, {
      floor: (i) => floorWrite(lakehouse, pool, floor, [floorRow(`c${i}`, i)]),
      writer: (i) => writer.write(table, { id: `c${i}`, name: `n${i}`, risk: i % 5 }, { actor: "bench" }),
      settle: () => writer.flushBronze(),
    });

    options.onStep?.(`writeMany vs floor: ${batches} batches of ${batch} rows`);
    let floorMs = 0;
    let writerMs = 0;
    for (let b = 0; b < batches; b++) {
      const ids = Array.from({ length: batch }, (_, j) => `b${b}-${j}`);
      let t0 = performance.now();
      await floorWrite(
        lakehouse,
        pool,
        floor,
        ids.map((id, j) => floorRow(id, j)),
      );
      floorMs += performance.now() - t0;
      t0 = performance.now();
      await writer.writeMany(
        table,
        ids.map((id, j) => ({ row: { id, name: `n${j}`, risk: j % 5 } })),
        { actor: "bench" },
      );
      // Its bronze append counts, and must not spill into the floor's next batch.
      await writer.flushBronze();
      writerMs += performance.now() - t0;
    }
    const rowsPerSec = (ms: number) => Math.round(((batch * batches) / ms) * 1000);
    const writeMany = {
      batch,
      batches,
      floorRowsPerSec: rowsPerSec(floorMs),
      writerRowsPerSec: rowsPerSec(writerMs),
      ratio: Math.round((floorMs / writerMs) * 100) / 100,
    };

    options.onStep?.(`plain upsert: ${writes} upserts`);
    const versions = new Map<string, number>();
    const upsert = await runOps(writes, 1, async (i) => {
      const version = (versions.get(key(i)) ?? 0) + 1;
      versions.set(key(i), version);
      await pool.query(
        `INSERT INTO bench_governance.plain AS t (id, name, risk, version) VALUES ($1, $2, $3, $4)
         ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, risk = EXCLUDED.risk, version = EXCLUDED.version
         WHERE EXCLUDED.version > t.version`,
        [key(i), `n${i}`, i % 5, version],
      );
    });
    const left = await writer.outbox.list(1);
    if (left.length > 0) throw new Error(`bench: the outbox still holds ${left[0]!.eventId} after the run`);
    return { writes, sequential, concurrent, writeMany, upsert: summarize(upsert.latencies) };
  } finally {
    await lakehouse.close();
    await pool.query("DROP SCHEMA IF EXISTS bench_governance CASCADE");
    rmSync(dir, { recursive: true, force: true });
  }
}
