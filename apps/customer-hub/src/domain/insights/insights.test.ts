import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertTestCustomers } from "../../testing/test-customers.ts";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database.ts";
import { teamLead } from "../../testing/viewers.ts";
import { moveStatus } from "../status/move-status.ts";
import { churnRiskDistribution, segmentMix, statusFunnel } from "./insights.ts";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await insertTestCustomers(db.pool, [
    { customer_id: "C0000001", segment: "vip", churn_risk_band: "high" },
    { customer_id: "C0000002", segment: "vip" },
    { customer_id: "C0000003", segment: "value", churn_risk_band: "medium" },
  ]);
  await moveStatus(db.pool, {
    customerId: "C0000001",
    to: "contacted",
    expectedVersion: 0,
    actor: teamLead("a@example.com"),
  });
  const actor = teamLead("a@example.com");
  await moveStatus(db.pool, { customerId: "C0000002", to: "contacted", expectedVersion: 0, actor });
  await moveStatus(db.pool, { customerId: "C0000002", to: "engaged", expectedVersion: 1, actor });
});
afterAll(() => db.close());

describe("insights", () => {
  it("counts segments, risk bands and workflow stages", async () => {
    expect(await segmentMix(db.pool, teamLead())).toEqual([
      { label: "vip", count: 2 },
      { label: "value", count: 1 },
    ]);
    expect((await churnRiskDistribution(db.pool, teamLead())).map((s) => s.label)).toEqual([
      "low",
      "medium",
      "high",
    ]);
    const funnel = await statusFunnel(db.pool, teamLead());
    expect(funnel.steps.map((s) => [s.label, s.count])).toEqual([
      ["new", 3],
      ["contacted", 2],
      ["engaged", 1],
      ["retained", 0],
    ]);
    expect(funnel.churned).toBe(0);
  });
});
