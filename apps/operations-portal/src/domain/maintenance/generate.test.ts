import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertAssets } from "../../testing/fixtures.ts";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database.ts";
import { generatePreventiveWorkOrders } from "./generate.ts";
import { currentMeterOccurrence, currentTimeOccurrence, timeOccurrencesBetween } from "./occurrences.ts";
import { createSchedule, type PmSchedule } from "./schedules.ts";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await insertAssets(db.pool, [
    { assetId: "AS000001", siteId: "S0001", assetType: "pump" },
    { assetId: "AS000002", siteId: "S0002", assetType: "pump" },
    { assetId: "AS000003", siteId: "S0001", assetType: "compressor" },
    { assetId: "AS000004", siteId: "S0001", assetType: "compressor" },
  ]);
});
afterAll(() => db.close());

const monthly: PmSchedule = {
  id: "x",
  assetType: "pump",
  title: "Monthly pump inspection",
  trigger: "time",
  intervalDays: 30,
  intervalHours: null,
  anchorOn: "2026-11-01",
  leadDays: 7,
  priority: "medium",
  checklist: ["Check seals", "Grease bearings"],
  active: true,
};

describe("occurrences", () => {
  it("a time schedule's current occurrence is the latest due date inside the lead window", () => {
    expect(currentTimeOccurrence(monthly, new Date("2026-10-24T12:00:00Z"))).toBeNull();
    expect(currentTimeOccurrence(monthly, new Date("2026-10-25T00:00:00Z"))?.key).toBe("date:2026-11-01");
    expect(currentTimeOccurrence(monthly, new Date("2026-11-23T23:00:00Z"))?.key).toBe("date:2026-11-01");
    expect(currentTimeOccurrence(monthly, new Date("2026-11-24T00:00:00Z"))?.key).toBe("date:2026-12-01");
    expect(
      timeOccurrencesBetween(monthly, new Date("2026-11-02"), new Date("2027-01-31")).map((d) =>
        d.toISOString().slice(0, 10),
      ),
    ).toEqual(["2026-12-01", "2026-12-31", "2027-01-30"]);
  });

  it("a meter schedule's occurrence is the next multiple once within lead days of running", () => {
    const meter = {
      ...monthly,
      trigger: "meter" as const,
      intervalHours: 500,
      intervalDays: null,
      anchorOn: null,
    };
    const now = new Date("2026-11-01T00:00:00Z");
    expect(currentMeterOccurrence(meter, 331, 12, now)).toBeNull();
    expect(currentMeterOccurrence(meter, 332, 12, now)).toEqual({
      key: "meter:500",
      dueAt: new Date("2026-11-15T00:00:00Z"),
    });
    expect(currentMeterOccurrence(meter, 1010, 12, now)?.key).toBe("meter:1000");
  });
});

describe("generating preventive work orders", () => {
  it("opens one order per asset and occurrence, with the checklist, and never twice even when runs overlap", async () => {
    await createSchedule(db.pool, monthly);
    await createSchedule(db.pool, {
      ...monthly,
      assetType: "compressor",
      title: "Compressor service every 500 run hours",
      trigger: "meter",
      intervalDays: null,
      intervalHours: 500,
      anchorOn: null,
      checklist: [],
    });
    // AS000003 is 2 days of running from 500 h; AS000004 is far from its next service.
    for (const [asset, first, last] of [
      ["AS000003", 400, 452],
      ["AS000004", 100, 120],
    ] as const) {
      await db.pool.query(
        `insert into operations_portal.asset_meter values ($1, '2026-11-20T00:00:00Z', $2), ($1, '2026-11-22T00:00:00Z', $3)`,
        [asset, first, last],
      );
    }
    const now = new Date("2026-11-25T06:00:00Z");
    const runs = await Promise.all(
      Array.from({ length: 4 }, () => generatePreventiveWorkOrders(db.pool, now)),
    );
    expect(runs.reduce((n, r) => n + r.created, 0)).toBe(3);
    const { rows } = await db.pool.query<{
      asset_id: string;
      pm_due_key: string;
      kind: string;
      steps: number;
    }>(
      `select w.asset_id, w.pm_due_key, w.kind, (select count(*)::int from operations_portal.checklist_item c where c.work_order_id = w.id) as steps
         from operations_portal.work_order w order by asset_id`,
    );
    expect(rows).toEqual([
      { asset_id: "AS000001", pm_due_key: "date:2026-12-01", kind: "preventive", steps: 2 },
      { asset_id: "AS000002", pm_due_key: "date:2026-12-01", kind: "preventive", steps: 2 },
      { asset_id: "AS000003", pm_due_key: "meter:500", kind: "preventive", steps: 0 },
    ]);
    expect((await generatePreventiveWorkOrders(db.pool, now)).created).toBe(0);
    const { rows: events } = await db.pool.query(
      "select count(*)::int as n from operations_portal.work_order_event",
    );
    expect(events[0]).toEqual({ n: 3 });
  });
});
