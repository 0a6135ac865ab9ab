import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertAssets, people } from "../../testing/fixtures.ts";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database.ts";
import { importWorkOrderHistory } from "./import-history.ts";
import { enrollTechnician, listTechnicians } from "./technicians.ts";

// What a deployed portal has without the seed: the synced history and who signs in.
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await insertAssets(db.pool, [{ assetId: "AS000001", siteId: "S0001" }]);
  for (const [id, status, assignee] of [
    ["WO1", "requested", null],
    ["WO2", "in_progress", "d.kowalski"],
    ["WO3", "completed", "m.garcia"],
  ] as const) {
    await db.pool.query(
      `insert into operations.work_orders (work_order_id, asset_id, site_id, title, work_type, status, priority,
         assignee, estimated_hours, opened_at, due_at, started_at, completed_at, closed_at)
       values ($1, 'AS000001', 'S0001', 'Check pump', 'corrective', $2, 'high', $3, 2,
         '2026-10-01T08:00:00Z', '2026-10-05T08:00:00Z', null, null, null)`,
      [id, status, assignee],
    );
  }
});
afterAll(() => db.close());

describe("a fresh deployment's work orders and roster", () => {
  it("imports the synced history once, also when two instances import at the same moment", async () => {
    const [a, b] = await Promise.all([importWorkOrderHistory(db.pool), importWorkOrderHistory(db.pool)]);
    expect(a + b).toBe(3);
    expect(await importWorkOrderHistory(db.pool)).toBe(0);
    const { rows } = await db.pool.query<{ source: string; status: string }>(
      "select source, status from operations_portal.work_order order by source",
    );
    expect(rows).toEqual([
      { source: "history:WO1", status: "open" },
      { source: "history:WO2", status: "in_progress" },
      { source: "history:WO3", status: "complete" },
    ]);
  });

  it("enrolls a signed-in technician once, as the platform names them; other roles are not enrolled", async () => {
    expect(await listTechnicians(db.pool)).toEqual([]);
    const tom = { ...people.tom, displayName: "Tom Tech", roles: ["technician"] };
    expect(await enrollTechnician(db.pool, tom)).toBe(true);
    expect(await enrollTechnician(db.pool, { ...tom, displayName: "Renamed" })).toBe(false);
    expect(
      await enrollTechnician(db.pool, { ...people.planner, displayName: "Pia", roles: ["planner"] }),
    ).toBe(false);
    expect(await listTechnicians(db.pool)).toEqual([
      { id: "tom", displayName: "Tom Tech", email: "tom.tech@example.com", homeSiteId: null },
    ]);
  });

  it("leaves a deactivated technician deactivated when they sign in again", async () => {
    const tina = { ...people.tina, displayName: "Tina Tech", roles: ["technician"] };
    await enrollTechnician(db.pool, tina);
    await db.pool.query("update operations_portal.technician set active = false where id = 'tina'");
    expect(await enrollTechnician(db.pool, tina)).toBe(false);
    expect((await listTechnicians(db.pool)).map((t) => t.id)).toEqual(["tom"]);
  });
});
