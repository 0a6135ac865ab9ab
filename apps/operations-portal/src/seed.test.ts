import { fileURLToPath } from "node:url";
import { datasetsMigrations, loadDatasets } from "@appbase/datasets";
import { createTestDatabase, type TestDatabase } from "@appbase/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedKit } from "./seed.ts";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase({
    migrations: [
      datasetsMigrations,
      { migrationsFolder: fileURLToPath(new URL("../drizzle", import.meta.url)), owner: "operations_portal" },
    ],
    seed: (pool) =>
      loadDatasets(pool, { seed: 7, scale: "tiny", epoch: new Date().toISOString() }).then(() => undefined),
  });
});
afterAll(() => db.close());

const ctx = () => ({
  pool: db.pool,
  scale: "tiny" as const,
  seed: 7,
  lakehouseDir: "/nowhere",
  log: () => {},
});

describe("seedKit", () => {
  it("shows every state (open, in progress, on hold, completed on time and late, cancelled, preventive, reactive, breached) and a re-run adds nothing", async () => {
    const first = await seedKit(ctx());
    expect(first.summary).toMatch(/7 demo order\(s\) opened$/);
    const { rows } = await db.pool.query<Record<string, number>>(
      `select count(*) filter (where status = 'open')::int as open,
              count(*) filter (where status = 'in_progress')::int as in_progress,
              count(*) filter (where status = 'on_hold')::int as on_hold,
              count(*) filter (where status = 'complete' and completed_at <= completion_due_at)::int as on_time,
              count(*) filter (where status = 'complete' and completed_at > completion_due_at)::int as late,
              count(*) filter (where status = 'cancelled')::int as cancelled,
              count(*) filter (where kind = 'preventive')::int as preventive,
              count(*) filter (where kind = 'reactive')::int as reactive,
              count(*) filter (where status in ('open','in_progress','on_hold') and completion_due_at < now())::int as breached,
              count(*)::int as total
         from operations_portal.work_order`,
    );
    const counts = rows[0]!;
    for (const state of [
      "open",
      "in_progress",
      "on_hold",
      "on_time",
      "late",
      "cancelled",
      "preventive",
      "reactive",
      "breached",
    ])
      expect(counts[state], state).toBeGreaterThan(0);
    const { rows: alerts } = await db.pool.query<{ n: number }>(
      "select count(*)::int as n from operations_portal.alert where status = 'open'",
    );
    expect(alerts[0]?.n).toBeGreaterThan(0);
    const again = await seedKit(ctx());
    expect(again.summary).toMatch(/0 demo order\(s\) opened$/);
    const { rows: after } = await db.pool.query<{ n: number }>(
      "select count(*)::int as n from operations_portal.work_order",
    );
    expect(after[0]?.n).toBe(counts.total);
  });
});
