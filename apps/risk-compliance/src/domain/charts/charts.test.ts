import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database.ts";
import { alertVolume, dispositions, slaBreaches, timeToClose } from "./charts.ts";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  // Hand-placed rows whose figures are easy to count by eye.
  await db.pool.query(`
    insert into risk_compliance.alert (status, dedup_key, entity_id, rule_id, rule_name, severity, priority, score, created_at, due_at, closed_at, case_id)
    values
      ('new',       'k1', 'E1', 'TM-001', 'r', 'high', 2, 50, now() - interval '2 days', now() - interval '1 day', null, null),
      ('claimed',   'k2', 'E1', 'TM-001', 'r', 'high', 2, 50, now() - interval '2 days', now() + interval '1 day', null, null),
      ('dismissed', 'k3', 'E2', 'TM-002', 'r', 'low',  4, 50, now() - interval '1 day',  now() + interval '5 days', now(), null),
      ('escalated', 'k4', 'E2', 'TM-002', 'r', 'low',  4, 50, now() - interval '9 days', now() - interval '2 days', now(), gen_random_uuid());
    insert into risk_compliance.risk_case (title, status, risk_level, disposition, created_by, updated_by, created_at, closed_at)
    values ('a', 'closed', 'high', 'false_positive', 'x', 'x', now() - interval '10 hours', now()),
           ('b', 'closed', 'high', 'false_positive', 'x', 'x', now() - interval '20 hours', now()),
           ('c', 'closed', 'low', 'confirmed_risk', 'x', 'x', now() - interval '4 hours', now()),
           ('d', 'investigating', 'low', null, 'x', 'x', now(), null);`);
});
afterAll(() => db?.close());

describe("charts", () => {
  it("counts alerts per rule and day", async () => {
    const volume = await alertVolume(db.pool, 30);
    expect(volume.filter((v) => v.ruleId === "TM-001")).toEqual([expect.objectContaining({ alerts: 2 })]);
    expect(volume.filter((v) => v.ruleId === "TM-002").map((v) => v.alerts)).toEqual([1, 1]);
    expect(await alertVolume(db.pool, 3)).toHaveLength(2);
  });

  it("splits SLA standing per severity", async () => {
    expect(await slaBreaches(db.pool)).toEqual([
      { severity: "high", breached: 1, onTrack: 1, missed: 0, met: 0 },
      { severity: "low", breached: 0, onTrack: 0, missed: 1, met: 1 },
    ]);
  });

  it("counts dispositions and times to close", async () => {
    expect(await dispositions(db.pool)).toEqual([
      { disposition: "false_positive", cases: 2 },
      { disposition: "confirmed_risk", cases: 1 },
    ]);
    const [high, low] = await timeToClose(db.pool);
    expect(high).toMatchObject({ riskLevel: "high", cases: 2 });
    expect(high!.medianHours).toBeCloseTo(15, 1);
    expect(high!.p90Hours).toBeCloseTo(19, 1);
    expect(low).toMatchObject({ riskLevel: "low", cases: 1 });
  });
});
