import { randomUUID } from "node:crypto";
import { ConflictError, FieldRuleError } from "@appbase/next-kit/errors";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertAssets, insertScore, insertTechnicians, people } from "../../testing/fixtures.ts";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database.ts";
import { getWorkOrder } from "../work-orders/work-order.ts";
import {
  acknowledgeAlert,
  claimAlert,
  dismissAlert,
  listAlerts,
  openWorkOrderFromAlert,
  raiseScoreAlerts,
} from "./alerts.ts";

let db: TestDatabase;
const { tom, tina, planner } = people;
beforeAll(async () => {
  db = await createTestDatabase();
  await insertAssets(db.pool, [
    { assetId: "AS000001", siteId: "S0001", assetType: "pump", criticality: "high" },
    { assetId: "AS000002", siteId: "S0001", assetType: "motor", criticality: "low" },
    { assetId: "AS000003", siteId: "S0002", assetType: "pump", criticality: "medium" },
  ]);
  await insertTechnicians(db.pool);
  await insertScore(db.pool, "AS000001", "2026-11-01T00:00:00Z", 30, 0.95);
  await insertScore(db.pool, "AS000002", "2026-11-01T00:00:00Z", 40, 0.1);
  await insertScore(db.pool, "AS000003", "2026-11-01T00:00:00Z", 90, 0.1);
});
afterAll(() => db.close());

const open = () => listAlerts(db.pool, { view: "open", actor: tom.email });

describe("the alert queue", () => {
  it("raises one alert per asset and rule, most critical first with its SLA; the same reading again is not a repeat", async () => {
    expect(await raiseScoreAlerts(db.pool)).toEqual({ created: 3, repeated: 0 });
    expect(await raiseScoreAlerts(db.pool)).toEqual({ created: 0, repeated: 0 });
    const alerts = await open();
    // Pump 1 (high criticality) crosses both pump rules; the low-criticality motor its health rule.
    expect(alerts.map((a) => [a.assetId, a.ruleId, a.priority, a.duplicateCount]).sort()).toEqual([
      ["AS000001", "pump:anomaly", 1, 0],
      ["AS000001", "pump:health", 1, 0],
      ["AS000002", "motor:health", 3, 0],
    ]);
    expect(alerts.at(-1)?.assetId).toBe("AS000002");
    const first = alerts[0]!;
    expect(first.dueAt!.getTime() - first.createdAt.getTime()).toBe(3600_000);
  });

  it("a claimed alert is someone's: a second claimer, or a stale version, gets a visible conflict", async () => {
    const [alert] = await open();
    const claims = await Promise.allSettled([
      claimAlert(db.pool, { id: alert!.id, actor: tom.email }),
      claimAlert(db.pool, { id: alert!.id, actor: tina.email }),
    ]);
    const won = claims.filter((c) => c.status === "fulfilled");
    expect(won).toHaveLength(1);
    const lost = claims.find((c) => c.status === "rejected") as PromiseRejectedResult;
    expect(lost.reason).toBeInstanceOf(ConflictError);
    expect(lost.reason.message).toMatch(/has claimed this item/);
  });

  it("dismissing needs a reason; acknowledging closes it; only the holder may", async () => {
    const mine = (await open()).filter((a) => a.status === "open");
    const [a, b] = mine;
    const claimed = await claimAlert(db.pool, { id: a!.id, actor: tina.email });
    await expect(
      dismissAlert(db.pool, { id: a!.id, actor: tina.email, expectedVersion: claimed.version, reason: " " }),
    ).rejects.toBeInstanceOf(FieldRuleError);
    await expect(
      dismissAlert(db.pool, {
        id: a!.id,
        actor: tom.email,
        expectedVersion: claimed.version,
        reason: "not mine",
      }),
    ).rejects.toBeInstanceOf(ConflictError);
    const dismissed = await dismissAlert(db.pool, {
      id: a!.id,
      actor: tina.email,
      expectedVersion: claimed.version,
      reason: "Sensor recalibrated",
    });
    expect(dismissed).toMatchObject({
      status: "dismissed",
      resolutionNote: "Sensor recalibrated",
      closedBy: tina.email,
    });
    const bClaim = await claimAlert(db.pool, { id: b!.id, actor: tina.email });
    expect(
      await acknowledgeAlert(db.pool, { id: b!.id, actor: tina.email, expectedVersion: bClaim.version }),
    ).toMatchObject({ status: "acknowledged" });
    // The same readings are not raised again once handled.
    expect((await raiseScoreAlerts(db.pool)).created).toBe(0);
  });

  it("opens a work order from a claimed alert once, and closes the alert with it", async () => {
    const [alert] = (await open()).filter((a) => a.claimedBy === tom.email || a.status === "open");
    const claimed =
      alert!.claimedBy === tom.email
        ? alert!
        : await claimAlert(db.pool, { id: alert!.id, actor: tom.email });
    const tomAsPlanner = { ...tom, groups: [...tom.groups, ...planner.groups] };
    const requestId = randomUUID();
    const result = await openWorkOrderFromAlert(db.pool, {
      id: claimed.id,
      viewer: tomAsPlanner,
      expectedVersion: claimed.version,
      title: "Pump health low",
      priority: "urgent",
      assigneeId: "tina",
      requestId,
    });
    expect(result.alert).toMatchObject({ status: "work_order", workOrderId: result.workOrder.id });
    expect(await getWorkOrder(db.pool, planner, result.workOrder.id)).toMatchObject({
      source: `alert:${claimed.id}`,
      priority: "urgent",
      assigneeId: "tina",
      kind: "reactive",
    });
    const again = openWorkOrderFromAlert(db.pool, {
      id: claimed.id,
      viewer: tomAsPlanner,
      expectedVersion: result.alert.version,
      title: "x",
      priority: "low",
      requestId: randomUUID(),
    });
    await expect(again).rejects.toBeInstanceOf(ConflictError);
    const { rows } = await db.pool.query("select count(*)::int as n from operations_portal.work_order");
    expect(rows[0]).toEqual({ n: 1 });
  });

  it("a newer reading that still crosses opens a new alert for the same asset and rule", async () => {
    await insertScore(db.pool, "AS000002", "2026-11-01T06:00:00Z", 38, 0.1);
    const before = (await open()).length;
    const raised = await raiseScoreAlerts(db.pool);
    expect(raised.created + raised.repeated).toBeGreaterThan(0);
    expect((await open()).length).toBeGreaterThanOrEqual(before);
  });
});
