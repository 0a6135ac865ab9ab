import { createTestDatabase } from "@appbase/db/testing";
import { expect, it } from "vitest";
import { governanceMigrations } from "../governance/migrations.ts";
import type { GovernanceSql } from "../governance/sql.ts";
import { benchGovernanceWriter, summarize } from "./governance-writer.ts";

it("summarize takes nearest-rank percentiles", () => {
  const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
  expect(summarize(samples)).toEqual({ p50Ms: 50, p99Ms: 99, meanMs: 50.5 });
});

it("benchGovernanceWriter measures governed writes against plain upserts on the same Postgres", async () => {
  const db = await createTestDatabase({ migrations: [governanceMigrations] });
  try {
    const pool = db.pool as unknown as GovernanceSql;
    const result = await benchGovernanceWriter({ writes: 40, pool });
    expect(result.writes).toBe(40);
    expect(result.writer.p99Ms).toBeGreaterThanOrEqual(result.writer.p50Ms);
    expect(result.ratio.p50).toBeCloseTo(result.writer.p50Ms / result.upsert.p50Ms);
    // The bench cleans up after itself and leaves nothing undelivered.
    const left = await db.pool.query(
      "SELECT to_regnamespace('bench_governance') AS s, (SELECT count(*)::int FROM appbase_governance.outbox) AS n",
    );
    expect(left.rows[0]).toEqual({ s: null, n: 0 });
  } finally {
    await db.close();
  }
});
