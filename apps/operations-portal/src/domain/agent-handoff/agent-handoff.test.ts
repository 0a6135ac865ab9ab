import { ConflictError, FieldRuleError } from "@appbase/next-kit/errors";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertAssets, insertScore, insertTechnicians } from "../../testing/fixtures.ts";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database.ts";
import { listAlerts, raiseScoreAlerts } from "../alerts/alerts.ts";
import { fileAgentWorkOrder, requestIdFor, threadOfWorkOrder } from "./agent-work-order.ts";
import { handAlertToAgent, type StartAgentRun } from "./hand-to-agent.ts";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await insertAssets(db.pool, [
    { assetId: "AS000001", siteId: "S0001", assetType: "pump", criticality: "high" },
    { assetId: "AS000002", siteId: "S0001", assetType: "motor", criticality: "low" },
  ]);
  await insertTechnicians(db.pool);
  await insertScore(db.pool, "AS000001", "2026-11-01T00:00:00Z", 30, 0.95);
  await insertScore(db.pool, "AS000002", "2026-11-01T00:00:00Z", 40, 0.1);
  await raiseScoreAlerts(db.pool);
});
afterAll(() => db.close());

const APP = { email: "agent-ops-app@apps.appbase.local", userId: "agent-ops-app", groups: [] };
const alertOn = async (assetId: string) =>
  (await listAlerts(db.pool, { view: "open", actor: "pia@example.com" })).find((a) => a.assetId === assetId)!;

/** Agent Ops' POST /api/runs as the portal sees it: one thread per idempotency key. */
function agentOps() {
  const calls: Parameters<StartAgentRun>[0][] = [];
  const startRun: StartAgentRun = async (body) => {
    calls.push(body);
    return { threadId: `thread-handoff-${body.idempotencyKey.slice(-8)}` };
  };
  return { calls, startRun };
}

describe("handing an alert to the maintenance planner", () => {
  it("starts one run keyed by the alert, records the thread, and a second hand-off answers the same thread", async () => {
    const alert = await alertOn("AS000001");
    const agents = agentOps();
    const [one, two] = await Promise.all([
      handAlertToAgent(db.pool, { alertId: alert.id, actor: "pia@example.com" }, agents.startRun),
      handAlertToAgent(db.pool, { alertId: alert.id, actor: "sam@example.com" }, agents.startRun),
    ]);
    const again = await handAlertToAgent(
      db.pool,
      { alertId: alert.id, actor: "pia@example.com" },
      agents.startRun,
    );
    expect(new Set([one.threadId, two.threadId, again.threadId]).size).toBe(1);
    expect(again.alreadyHanded).toBe(true);
    expect(new Set(agents.calls.map((c) => c.idempotencyKey))).toEqual(
      new Set([`operations-portal:alert:${alert.id}`]),
    );
    expect(agents.calls[0]).toMatchObject({
      agent: "maintenance-planner",
      request: expect.stringContaining(`asset AS000001: alert ${alert.id}`),
    });
  });

  it("opens the approved work order through the portal's alert path, once per key, linked to the thread", async () => {
    const alert = await alertOn("AS000002");
    const { threadId } = await handAlertToAgent(
      db.pool,
      { alertId: alert.id, actor: "pia@example.com" },
      agentOps().startRun,
    );
    const input = {
      idempotencyKey: `${threadId}:call_work_order_1`,
      threadId,
      alertId: alert.id,
      assetId: "AS000002",
      title: "Inspect motor AS000002",
      priority: "high" as const,
    };
    const [first, second] = await Promise.all([
      fileAgentWorkOrder(db.pool, input, APP),
      fileAgentWorkOrder(db.pool, input, APP),
    ]);
    expect(first.workOrderId).toBe(second.workOrderId);
    expect([first.replayed, second.replayed].sort()).toEqual([false, true]);
    const { rows } = await db.pool.query(
      "select status, work_order_id from operations_portal.alert where id = $1",
      [alert.id],
    );
    expect(rows[0]).toEqual({ status: "work_order", work_order_id: first.workOrderId });
    const orders = await db.pool.query(
      "select request_id, source from operations_portal.work_order where id = $1",
      [first.workOrderId],
    );
    expect(orders.rows[0]).toEqual({
      request_id: requestIdFor(input.idempotencyKey),
      source: `alert:${alert.id}`,
    });
    expect(await threadOfWorkOrder(db.pool, first.workOrderId)).toEqual({ agentKit: "agent-ops", threadId });
    // Handing it again answers the hand-off on record, without calling Agent Ops.
    const agents = agentOps();
    expect(
      (await handAlertToAgent(db.pool, { alertId: alert.id, actor: "pia@example.com" }, agents.startRun))
        .alreadyHanded,
    ).toBe(true);
    expect(agents.calls).toHaveLength(0);
  });

  it("refuses an alert not handed to the thread, or on another asset, and opens nothing", async () => {
    const alerts = await listAlerts(db.pool, { view: "open", actor: "pia@example.com" });
    const handed = alerts.find((a) => a.assetId === "AS000001")!;
    const { threadId } = await handAlertToAgent(
      db.pool,
      { alertId: handed.id, actor: "pia@example.com" },
      agentOps().startRun,
    );
    const count = async () =>
      Number((await db.pool.query("select count(*) from operations_portal.work_order")).rows[0].count);
    const before = await count();
    const base = {
      idempotencyKey: "thread-x:call_1",
      threadId,
      alertId: handed.id,
      assetId: "AS000001",
      title: "Inspect",
      priority: "high" as const,
    };
    const otherThread = await fileAgentWorkOrder(
      db.pool,
      { ...base, threadId: "thread-someone-else" },
      APP,
    ).catch((e) => e);
    expect(otherThread).toBeInstanceOf(FieldRuleError);
    expect(otherThread.message).toMatch(/was not handed to thread thread-someone-else/);
    const otherAsset = await fileAgentWorkOrder(db.pool, { ...base, assetId: "AS000002" }, APP).catch(
      (e) => e,
    );
    expect(otherAsset.message).toMatch(/is on asset AS000001, not AS000002/);
    expect(await count()).toBe(before);
  });

  it("does not hand a closed alert", async () => {
    const { rows } = await db.pool.query<{ id: string }>(
      "select id from operations_portal.alert where status = 'work_order' limit 1",
    );
    await db.pool.query("delete from operations_portal.alert_handoff where alert_id = $1", [rows[0]!.id]);
    const agents = agentOps();
    await expect(
      handAlertToAgent(db.pool, { alertId: rows[0]!.id, actor: "pia@example.com" }, agents.startRun),
    ).rejects.toThrow(ConflictError);
    expect(agents.calls).toHaveLength(0);
  });
});
