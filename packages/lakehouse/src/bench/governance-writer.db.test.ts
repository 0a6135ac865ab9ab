import { createTestDatabase } from "@appbase/db/testing";
import { expect, it } from "vitest";
import { governanceMigrations } from "../governance/migrations.ts";
import type { GovernanceSql } from "../governance/sql.ts";
import { benchGovernanceWriter, summarize } from "./governance-writer.ts";

it("summarize takes nearest-rank percentiles", () => {
  const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
  expect(summarize(samples)).toEqual({ p50Ms: 50, p99Ms: 99, meanMs: 50.5 });
});

it("benchGovernanceWriter measures governed writes beside their floor on the same lakehouse and Postgres", async () => {
  const db = await createTestDatabase({ migrations: [governanceMigrations] });
  try {
    const pool = db.pool as unknown as GovernanceSql;
    const result = await benchGovernanceWriter({ writes: 40, pool, concurrency: 4, batch: 20, batches: 2 });
    expect(result.writes).toBe(40);
    for (const run of [result.sequential, result.concurrent]) {
      expect(run.writer.operations).toBe(40);
      expect(run.writer.p99Ms).toBeGreaterThanOrEqual(run.writer.p50Ms);
      expect(run.floor.p50Ms).toBeGreaterThan(0);
      expect(run.ratio.p50).toBeCloseTo(run.writer.p50Ms / run.floor.p50Ms, 1);
    }
    expect(result.concurrent.concurrency).toBe(4);
    expect(result.writeMany.writerRowsPerSec).toBeGreaterThan(0);
    expect(result.writeMany.floorRowsPerSec).toBeGreaterThan(0);
    // The bench cleans up after itself and leaves nothing undelivered.
    const left = await db.pool.query(
      "SELECT to_regnamespace('bench_governance') AS s, (SELECT count(*)::int FROM appbase_governance.outbox) AS n",
    );
    expect(left.rows[0]).toEqual({ s: null, n: 0 });
  } finally {
    await db.close();
  }
}, 180_000);
