import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { integer, pgSchema, text } from "drizzle-orm/pg-core";
import { governedTable } from "../governance/governed-table.ts";
import type { GovernanceSql } from "../governance/sql.ts";
import { GovernanceWriter } from "../governance/writer.ts";
import { openLocalLakehouse } from "../local/local-lakehouse.ts";

export interface LatencySummary {
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
}

export interface GovernanceBenchResult {
  writes: number;
  /** One GovernanceWriter.write: silver merge, Lakebase upsert, bronze append, outbox bookkeeping. */
  writer: LatencySummary;
  /** One version-guarded INSERT … ON CONFLICT on the same Postgres: the baseline. */
  upsert: LatencySummary;
  /** writer / upsert, at p50 and p99 (how many times slower a governed write is). */
  ratio: { p50: number; p99: number };
}

const schema = pgSchema("bench_governance");
const registry = schema.table("registry", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  risk: integer("risk").notNull(),
  version: integer("version").notNull(),
});

/** Percentiles by nearest rank over sorted samples. */
export function summarize(samples: readonly number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
  return {
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    meanMs: sorted.reduce((s, x) => s + x, 0) / Math.max(1, sorted.length),
  };
}

/**
 * Benchmark: `writes` single-row governed writes (a fresh local lakehouse, Lakebase on `pool`)
 * against the same number of single upserts into an identical plain table of the same Postgres.
 * Keys repeat (a key space of writes/4), so both sides mix inserts and updates. The pool's
 * database needs `governanceMigrations` applied (the outbox); the bench creates and drops
 * schema bench_governance.
 */
export async function benchGovernanceWriter(options: {
  writes: number;
  pool: GovernanceSql;
  onStep?: (step: string) => void;
}): Promise<GovernanceBenchResult> {
  const { pool, writes } = options;
  const outbox = await pool.query("SELECT to_regclass('appbase_governance.outbox') IS NOT NULL AS ok");
  if (!outbox.rows[0]?.ok) {
    throw new Error(
      "benchGovernanceWriter: appbase_governance.outbox is missing; run applyMigrations(pool, governanceMigrations) first.",
    );
  }
  await pool.query(`DROP SCHEMA IF EXISTS bench_governance CASCADE; CREATE SCHEMA bench_governance;
    CREATE TABLE bench_governance.registry (id text PRIMARY KEY, name text NOT NULL, risk integer NOT NULL, version integer NOT NULL);
    CREATE TABLE bench_governance.plain (LIKE bench_governance.registry INCLUDING ALL)`);
  const dir = mkdtempSync(path.join(tmpdir(), "governance-bench-"));
  const lakehouse = await openLocalLakehouse({ directory: dir });
  try {
    const table = governedTable(registry, {
      silver: "main.bench_silver.registry",
      bronze: "main.bench_bronze.registry_events",
      versionColumn: "version",
    });
    const writer = new GovernanceWriter({ lakehouse, lakebase: pool, tables: [table] });
    await writer.ensureLakehouseTables();
    const keys = Math.max(1, Math.floor(writes / 4));
    const key = (i: number) => `m${(i * 7919) % keys}`;

    options.onStep?.(`governance writer: ${writes} writes`);
    const writerMs: number[] = [];
    for (let i = 0; i < writes; i++) {
      const started = performance.now();
      await writer.write(table, { id: key(i), name: `n${i}`, risk: i % 5 }, { actor: "bench" });
      writerMs.push(performance.now() - started);
    }

    options.onStep?.(`plain upsert: ${writes} upserts`);
    const upsertMs: number[] = [];
    const versions = new Map<string, number>();
    for (let i = 0; i < writes; i++) {
      const version = (versions.get(key(i)) ?? 0) + 1;
      versions.set(key(i), version);
      const started = performance.now();
      await pool.query(
        `INSERT INTO bench_governance.plain AS t (id, name, risk, version) VALUES ($1, $2, $3, $4)
         ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, risk = EXCLUDED.risk, version = EXCLUDED.version
         WHERE EXCLUDED.version > t.version`,
        [key(i), `n${i}`, i % 5, version],
      );
      upsertMs.push(performance.now() - started);
    }
    const w = summarize(writerMs);
    const u = summarize(upsertMs);
    return {
      writes,
      writer: w,
      upsert: u,
      ratio: { p50: w.p50Ms / u.p50Ms, p99: w.p99Ms / u.p99Ms },
    };
  } finally {
    await lakehouse.close();
    await pool.query("DROP SCHEMA IF EXISTS bench_governance CASCADE");
    rmSync(dir, { recursive: true, force: true });
  }
}
