import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertAssets } from "../../testing/fixtures.ts";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database.ts";
import { maintenanceKpis } from "./kpis.ts";

let db: TestDatabase;
const from = new Date("2026-11-01T00:00:00Z");
const to = new Date("2026-11-11T00:00:00Z"); // a 240-hour window
const at = (day: number, hour = 0) => new Date(Date.UTC(2026, 10, day, hour));

// Site S1: two pumps. Site S2: one motor.
const orders = [
  // S1 pump 1: failure on day 2 00:00, restored day 2 10:00 (10 h), target day 3 → on time.
  { asset: "P1", kind: "reactive", status: "complete", opened: at(2), completed: at(2, 10), due: at(3) },
  // S1 pump 2: failure day 5 00:00, restored day 6 06:00 (30 h), target day 6 00:00 → late.
  { asset: "P2", kind: "reactive", status: "complete", opened: at(5), completed: at(6, 6), due: at(6) },
  // S1 pump 1: failure day 9 12:00, still in progress at the window's end (36 h of downtime so far).
  { asset: "P1", kind: "reactive", status: "in_progress", opened: at(9, 12), completed: null, due: at(12) },
  // S1 pump 2: preventive, opened day 8, open at the end (3 days old), not a failure.
  { asset: "P2", kind: "preventive", status: "open", opened: at(8), completed: null, due: at(20) },
  // S2 motor: preventive completed day 4 on time; a cancelled reactive order does not count.
  { asset: "M1", kind: "preventive", status: "complete", opened: at(1), completed: at(4), due: at(5) },
  {
    asset: "M1",
    kind: "reactive",
    status: "cancelled",
    opened: at(3),
    completed: null,
    due: at(4),
    cancelled: at(3, 2),
  },
  // Before the window: completed in October, counts nowhere.
  {
    asset: "M1",
    kind: "reactive",
    status: "complete",
    opened: new Date("2026-10-20T00:00:00Z"),
    completed: new Date("2026-10-21T00:00:00Z"),
    due: at(1),
  },
];

beforeAll(async () => {
  db = await createTestDatabase();
  await insertAssets(db.pool, [
    { assetId: "P1", siteId: "S1", assetType: "pump" },
    { assetId: "P2", siteId: "S1", assetType: "pump" },
    { assetId: "M1", siteId: "S2", assetType: "motor" },
  ]);
  for (const o of orders) {
    await db.pool.query(
      `insert into operations_portal.work_order (asset_id, site_id, title, kind, priority, status, opened_at, response_due_at,
          completion_due_at, completed_at, cancelled_at, cancel_reason, created_by, updated_by)
       select asset_id, site_id, 'fixture', $2, 'high', $3, $4, $4, $5, $6, $7, case when $7::timestamptz is not null then 'fixture' end, 't', 't'
         from operations.assets where asset_id = $1`,
      [o.asset, o.kind, o.status, o.opened, o.due, o.completed, o.cancelled ?? null],
    );
  }
});
afterAll(() => db.close());

describe("maintenance KPIs match a hand computation", () => {
  it("per site", async () => {
    const [s1, s2] = await maintenanceKpis(db.pool, "site", { from, to });
    // S1: 3 failures; downtime 10 + 30 + 36 = 76 h; MTBF = (2 assets × 240 h − 76) / 3 = 134.667 h;
    // MTTR over the 2 repairs = (10 + 30) / 2 = 20 h; backlog 2 (ages 1.5 and 3 days → 2.25); on time 1 of 2.
    expect(s1).toMatchObject({ group: "S1", assets: 2, failures: 3, repairs: 2, completed: 2, backlog: 2 });
    expect(s1?.downtimeHours).toBeCloseTo(76, 6);
    expect(s1?.mtbfHours).toBeCloseTo(404 / 3, 6);
    expect(s1?.mttrHours).toBeCloseTo(20, 6);
    expect(s1?.backlogAgeDays).toBeCloseTo(2.25, 6);
    expect(s1?.onTimeRate).toBeCloseTo(0.5, 6);
    // S2: no failures (the cancelled one does not count), no downtime, one on-time preventive completion.
    expect(s2).toMatchObject({
      group: "S2",
      assets: 1,
      failures: 0,
      repairs: 0,
      mtbfHours: null,
      mttrHours: null,
      downtimeHours: 0,
      backlog: 0,
      backlogAgeDays: null,
      completed: 1,
      onTimeRate: 1,
    });
  });

  it("per asset class", async () => {
    const rows = await maintenanceKpis(db.pool, "asset_type", { from, to });
    expect(rows.map((r) => r.group)).toEqual(["motor", "pump"]);
    expect(rows[1]).toMatchObject({ failures: 3, repairs: 2, backlog: 2 });
    expect(rows[1]?.mtbfHours).toBeCloseTo(404 / 3, 6);
  });
});
