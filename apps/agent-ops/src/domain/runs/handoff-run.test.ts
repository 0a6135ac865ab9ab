import type { KitCaller } from "@appbase/next-kit/kit-call";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServedDataDatabase } from "../../testing/served-data-database.ts";
import type { TestDatabase } from "../../testing/test-database.ts";
import { threadFilings } from "../agents/kit-filings.ts";
import { listReviewItems } from "../queue/queue.ts";
import { handoffThreadId, startHandedRun } from "./handoff-run.ts";
import { resumeAgentRun } from "./runs.ts";

let database: TestDatabase;
let assetId: string;
beforeAll(async () => {
  database = await createServedDataDatabase();
  const { rows } = await database.pool.query<{ asset_id: string }>(
    "select asset_id from operations.assets order by asset_id limit 1",
  );
  assetId = rows[0]!.asset_id;
});
afterAll(() => database.close());

const alertId = "6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b";
const handoff = () => ({
  idempotencyKey: `operations-portal:alert:${alertId}`,
  agent: "maintenance-planner" as const,
  request: `Plan maintenance for asset ${assetId}: alert ${alertId} (health below 40).`,
  requestedBy: "pia.planner@example.com",
});

/** The portal's work-order intake as the tool sees it: one order per idempotency key. */
function portal() {
  const calls: Record<string, unknown>[] = [];
  const kits = (async (call) => {
    calls.push({ kit: call.kit, path: call.path, ...call.body });
    return { workOrderId: "0b6a1f8e-2c3d-4e5f-9a8b-7c6d5e4f3a2b", label: "WO-1042", replayed: false };
  }) as KitCaller;
  return { calls, kits };
}

describe("a run another kit hands to an agent", () => {
  it("starts once per idempotency key, even when handed twice at once, and pauses for review", async () => {
    const [one, two] = await Promise.all([
      startHandedRun(database.pool, handoff()),
      startHandedRun(database.pool, handoff()),
    ]);
    expect(one.threadId).toBe(handoffThreadId(handoff().idempotencyKey));
    expect(two.threadId).toBe(one.threadId);
    expect([one.started, two.started].sort()).toEqual([false, true]);
    const runs = await database.pool.query(
      "select started_by from agent_ops.agent_run where thread_id = $1",
      [one.threadId],
    );
    expect(runs.rows).toEqual([{ started_by: "pia.planner@example.com" }]);
    const again = await startHandedRun(database.pool, handoff());
    expect(again).toEqual({ threadId: one.threadId, status: "interrupted", started: false });
    await expect(startHandedRun(database.pool, { ...handoff(), agent: "risk-triage" })).rejects.toThrow(
      /already started a maintenance-planner run/,
    );
  });

  it("the planner reads the served asset, proposes a work order, and after approval the portal opens it once", async () => {
    const key = { ...handoff(), idempotencyKey: "operations-portal:alert:second" };
    const started = await startHandedRun(database.pool, key);
    const items = (await listReviewItems(database.pool, { viewer: "x", seeAll: true })).filter(
      (i) => i.threadId === started.threadId && i.source === "interrupt",
    );
    expect(items[0]?.title).toMatch(/^Approve propose_work_order/);
    const { rows } = await database.pool.query<{ tool: string; result: { asset_id?: string } }>(
      "select tool, result from agent_ops.tool_call where thread_id = $1 and tool = 'lookup_asset'",
      [started.threadId],
    );
    expect(rows[0]?.result.asset_id).toBe(assetId);

    const target = portal();
    const resume = { decision: "approve" as const, rationale: "Low health on a critical pump" };
    const done = await resumeAgentRun(database.pool, {
      threadId: started.threadId,
      resume,
      kits: target.kits,
    });
    expect(done.status).toBe("completed");
    expect(target.calls).toEqual([
      expect.objectContaining({
        kit: "operations-portal",
        path: "/api/intake/work-orders",
        idempotencyKey: `${started.threadId}:call_work_order_${alertId}`,
        threadId: started.threadId,
        alertId,
        assetId,
      }),
    ]);
    expect(await threadFilings(database.pool, started.threadId)).toEqual([
      expect.objectContaining({ kit: "operations-portal", entity: "work-order", label: "WO-1042" }),
    ]);
  });
});
