import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertAssets, insertScore, people } from "../../testing/fixtures.ts";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database.ts";
import { listAlerts } from "./alerts.ts";
import { evaluateScoreAlerts } from "./score-evaluation.ts";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await insertAssets(db.pool, [
    { assetId: "AS000001", siteId: "S0001", assetType: "pump", criticality: "high" },
    { assetId: "AS000002", siteId: "S0001", assetType: "motor", criticality: "low" },
  ]);
  await insertScore(db.pool, "AS000001", "2026-11-01T00:00:00Z", 30, 0.95);
  await insertScore(db.pool, "AS000002", "2026-11-01T00:00:00Z", 40, 0.1);
});
afterAll(() => db.close());

const open = () => listAlerts(db.pool, { view: "open", actor: people.tom.email });
const summary = async () =>
  (await open()).map((a) => [a.assetId, a.ruleId, a.value, a.duplicateCount]).sort();

describe("score evaluation, as the running portal does it at startup and on an interval", () => {
  it("raises the alerts the synced scores call for with nothing else in the kit's state", async () => {
    expect(await evaluateScoreAlerts(db.pool)).toEqual({ created: 3, repeated: 0 });
    expect((await summary()).map(([asset, rule]) => `${asset} ${rule}`)).toEqual([
      "AS000001 pump:anomaly",
      "AS000001 pump:health",
      "AS000002 motor:health",
    ]);
  });

  it("instances evaluating together raise nothing twice, and a later pass on the same readings changes nothing", async () => {
    const before = await summary();
    const passes = await Promise.all([evaluateScoreAlerts(db.pool), evaluateScoreAlerts(db.pool)]);
    for (const pass of passes)
      expect(pass === null || (pass.created === 0 && pass.repeated === 0)).toBe(true);
    expect(await summary()).toEqual(before);
  });

  it("a newer reading that still crosses counts once on the open alert and becomes its reading", async () => {
    await insertScore(db.pool, "AS000002", "2026-11-01T06:00:00Z", 35, 0.1);
    expect(await evaluateScoreAlerts(db.pool)).toEqual({ created: 0, repeated: 1 });
    expect(await evaluateScoreAlerts(db.pool)).toEqual({ created: 0, repeated: 0 });
    const motor = (await open()).find((a) => a.assetId === "AS000002")!;
    expect([motor.value, motor.duplicateCount, motor.scoredAt.toISOString()]).toEqual([
      35,
      1,
      "2026-11-01T06:00:00.000Z",
    ]);
  });

  // On real Postgres only: one PGlite session shares its advisory locks across connections.
  it.skipIf(!process.env.DATABASE_URL)("another instance holding the lock makes this pass skip", async () => {
    await insertScore(db.pool, "AS000001", "2026-11-01T07:00:00Z", 20, 0.99);
    const holder = await db.pool.connect();
    try {
      await holder.query("begin");
      await holder.query("select pg_advisory_xact_lock(hashtext('operations_portal.score_alerts'))");
      expect(await evaluateScoreAlerts(db.pool)).toBeNull();
    } finally {
      await holder.query("rollback");
      holder.release();
    }
    expect(await evaluateScoreAlerts(db.pool)).toEqual({ created: 0, repeated: 2 });
  });
});
