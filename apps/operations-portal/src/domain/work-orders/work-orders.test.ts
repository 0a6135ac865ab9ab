import { randomUUID } from "node:crypto";
import { ConflictError, FieldRuleError, NotFoundError } from "@appbase/next-kit/errors";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertAssets, insertTechnicians, people } from "../../testing/fixtures.ts";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database.ts";
import { assignWorkOrder, reprioritizeWorkOrder } from "./assign-work-order.ts";
import { listChecklist, setChecklistStep } from "./checklist.ts";
import { createWorkOrder } from "./create-work-order.ts";
import { workOrderHistory } from "./history.ts";
import { TRANSITIONS, WORK_ORDER_STATUSES } from "./lifecycle.ts";
import { listWorkOrders } from "./list-work-orders.ts";
import { moveWorkOrder } from "./move-work-order.ts";
import { listWorkLog, recordWork } from "./work-log.ts";
import { getWorkOrder } from "./work-order.ts";

let db: TestDatabase;
const { planner, tom, tina } = people;
const t0 = new Date("2026-11-02T08:00:00Z");
const hours = (h: number) => new Date(t0.getTime() + h * 3_600_000);

beforeAll(async () => {
  db = await createTestDatabase();
  await insertAssets(db.pool, [
    { assetId: "AS000001", siteId: "S0001" },
    { assetId: "AS000002", siteId: "S0002" },
  ]);
  await insertTechnicians(db.pool);
});
afterAll(() => db.close());

function open(overrides: Partial<Parameters<typeof createWorkOrder>[1]> = {}) {
  return createWorkOrder(db.pool, {
    assetId: "AS000001",
    title: "Bearing noise on pump",
    kind: "reactive",
    priority: "high",
    requestId: randomUUID(),
    actor: planner.email,
    at: t0,
    ...overrides,
  });
}

describe("lifecycle", () => {
  it("complete and cancelled are terminal; nothing moves to itself; every open state can be cancelled", () => {
    for (const s of WORK_ORDER_STATUSES) {
      expect(TRANSITIONS[s]).not.toContain(s);
      if (s === "complete" || s === "cancelled") expect(TRANSITIONS[s]).toEqual([]);
      else expect(TRANSITIONS[s]).toContain("cancelled");
    }
  });

  it("opens with the priority's targets and walks Open → In progress ⇄ On hold → Complete with field history", async () => {
    const order = await open({ assigneeId: "tom", checklist: ["Isolate", "Replace bearing"] });
    expect(order).toMatchObject({ status: "open", siteId: "S0001", version: 1, assigneeId: "tom" });
    expect(order.responseDueAt).toEqual(hours(4));
    expect(order.completionDueAt).toEqual(hours(72));

    const started = await moveWorkOrder(db.pool, {
      id: order.id,
      to: "in_progress",
      expectedVersion: 1,
      viewer: tom,
      at: hours(1),
    });
    expect(started).toMatchObject({ status: "in_progress", version: 2, startedAt: hours(1) });
    const held = await moveWorkOrder(db.pool, {
      id: order.id,
      to: "on_hold",
      reason: "Waiting for bearing 6205",
      expectedVersion: 2,
      viewer: tom,
      at: hours(2),
    });
    expect(held).toMatchObject({ status: "on_hold", holdReason: "Waiting for bearing 6205" });
    const resumed = await moveWorkOrder(db.pool, {
      id: order.id,
      to: "in_progress",
      expectedVersion: 3,
      viewer: tom,
      at: hours(5),
    });
    expect(resumed).toMatchObject({
      holdSeconds: 3 * 3600,
      onHoldSince: null,
      holdReason: null,
      startedAt: hours(1),
    });

    const refused = moveWorkOrder(db.pool, {
      id: order.id,
      to: "complete",
      expectedVersion: 4,
      viewer: tom,
      at: hours(6),
    });
    await expect(refused).rejects.toMatchObject({
      field: "status",
      message: expect.stringMatching(/2 checklist steps/),
    });
    for (const step of await listChecklist(db.pool, order.id))
      await setChecklistStep(db.pool, {
        workOrderId: order.id,
        stepId: step.id,
        done: true,
        viewer: tom,
        at: hours(6),
      });
    await recordWork(db.pool, {
      workOrderId: order.id,
      requestId: randomUUID(),
      viewer: tom,
      entry: "part",
      partNumber: "6205-2RS",
      quantity: 2,
      note: "",
    });
    const timeKey = randomUUID();
    for (let i = 0; i < 2; i++)
      await recordWork(db.pool, {
        workOrderId: order.id,
        requestId: timeKey,
        viewer: tom,
        entry: "time",
        minutes: 95,
        note: "retry lands once",
      });
    expect(
      (await listWorkLog(db.pool, order.id)).map((l) => [l.entry, l.partNumber, l.quantity, l.minutes]),
    ).toEqual([
      ["part", "6205-2RS", 2, null],
      ["time", "", null, 95],
    ]);
    const done = await moveWorkOrder(db.pool, {
      id: order.id,
      to: "complete",
      expectedVersion: 4,
      viewer: tom,
      at: hours(7),
    });
    expect(done).toMatchObject({ status: "complete", completedAt: hours(7), version: 5 });

    const history = await workOrderHistory(db.pool, order.id);
    const statusMoves = history
      .filter((h) => h.field === "status")
      .map((h) => [h.oldValue, h.newValue, h.actor, h.version]);
    expect(statusMoves.reverse()).toEqual([
      ["open", "in_progress", tom.email, 2],
      ["in_progress", "on_hold", tom.email, 3],
      ["on_hold", "in_progress", tom.email, 4],
      ["in_progress", "complete", tom.email, 5],
    ]);
    expect(
      history
        .filter((h) => h.field === "hold_reason")
        .map((h) => h.newValue)
        .reverse(),
    ).toEqual(["Waiting for bearing 6205", null]);
    expect(history.filter((h) => h.field === "checklist")).toHaveLength(2);
    expect(history.filter((h) => h.field === "time")).toHaveLength(1);
    expect(history.at(-1)).toMatchObject({ field: "created", actor: planner.email, version: 1 });
  });

  it("refuses illegal moves and missing reasons as field errors, writing nothing", async () => {
    const order = await open({ assigneeId: "tom" });
    await expect(
      moveWorkOrder(db.pool, { id: order.id, to: "complete", expectedVersion: 1, viewer: planner }),
    ).rejects.toMatchObject({
      field: "status",
      message: expect.stringMatching(
        /Open cannot move to Complete; next it can go to In progress or Cancelled/,
      ),
    });
    await expect(
      moveWorkOrder(db.pool, {
        id: order.id,
        to: "cancelled",
        reason: "  ",
        expectedVersion: 1,
        viewer: planner,
      }),
    ).rejects.toMatchObject({
      field: "reason",
    });
    const unassigned = await open();
    await expect(
      moveWorkOrder(db.pool, { id: unassigned.id, to: "in_progress", expectedVersion: 1, viewer: planner }),
    ).rejects.toMatchObject({
      field: "assigneeId",
    });
    const cancelled = await moveWorkOrder(db.pool, {
      id: order.id,
      to: "cancelled",
      reason: "Duplicate of WO-1001",
      expectedVersion: 1,
      viewer: planner,
    });
    expect(cancelled).toMatchObject({ status: "cancelled", cancelReason: "Duplicate of WO-1001" });
    const reopen = moveWorkOrder(db.pool, {
      id: order.id,
      to: "in_progress",
      expectedVersion: 2,
      viewer: planner,
    });
    await expect(reopen).rejects.toBeInstanceOf(FieldRuleError);
    await expect(reopen).rejects.toMatchObject({ message: expect.stringMatching(/is closed/) });
    expect((await getWorkOrder(db.pool, planner, order.id)).version).toBe(2);
  });

  it("two people moving the same order: one wins, the other gets a conflict with what is there now", async () => {
    const order = await open({ assigneeId: "tom" });
    const results = await Promise.allSettled([
      moveWorkOrder(db.pool, { id: order.id, to: "in_progress", expectedVersion: 1, viewer: tom }),
      moveWorkOrder(db.pool, {
        id: order.id,
        to: "cancelled",
        reason: "Not needed",
        expectedVersion: 1,
        viewer: planner,
      }),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]).toBeInstanceOf(ConflictError);
    const now = await getWorkOrder(db.pool, planner, order.id);
    expect((lost[0] as ConflictError<typeof now>).current).toMatchObject({ version: 2, status: now.status });
    expect((await workOrderHistory(db.pool, order.id)).filter((h) => h.field === "status")).toHaveLength(1);
  });

  it("a stale copy never overwrites a newer change (assign after someone else reassigned)", async () => {
    const order = await open();
    await assignWorkOrder(db.pool, { id: order.id, assigneeId: "tom", expectedVersion: 1, viewer: planner });
    await expect(
      assignWorkOrder(db.pool, { id: order.id, assigneeId: "tina", expectedVersion: 1, viewer: planner }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect((await getWorkOrder(db.pool, planner, order.id)).assigneeId).toBe("tom");
    await expect(
      assignWorkOrder(db.pool, { id: order.id, assigneeId: "nobody", expectedVersion: 2, viewer: planner }),
    ).rejects.toMatchObject({
      field: "assigneeId",
    });
  });

  it("reprioritizing moves the targets from the opening time", async () => {
    const order = await open({ priority: "low" });
    const urgent = await reprioritizeWorkOrder(db.pool, {
      id: order.id,
      priority: "urgent",
      expectedVersion: 1,
      viewer: planner,
    });
    expect(urgent.completionDueAt).toEqual(hours(24));
    const history = await workOrderHistory(db.pool, order.id);
    expect(history.map((h) => h.field).sort()).toEqual([
      "completion_due_at",
      "created",
      "priority",
      "response_due_at",
    ]);
  });

  it("a retried create and a second order from the same alert return the first order", async () => {
    const requestId = randomUUID();
    const first = await open({ requestId, source: "alert:1" });
    expect((await open({ requestId })).id).toBe(first.id);
    expect((await open({ source: "alert:1" })).id).toBe(first.id);
  });

  it("an unknown asset is a field error; a checklist step of another order is not found", async () => {
    await expect(open({ assetId: "AS999999" })).rejects.toMatchObject({ field: "assetId" });
    const a = await open({ checklist: ["one"] });
    const b = await open({ checklist: ["other"] });
    const [stepOfB] = await listChecklist(db.pool, b.id);
    await expect(
      setChecklistStep(db.pool, { workOrderId: a.id, stepId: stepOfB!.id, done: true, viewer: planner }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect((await listChecklist(db.pool, b.id))[0]?.done).toBe(false);
  });
});

describe("the list's keyset pages", () => {
  it("walk every order the viewer may see once, open before closed and the nearest target first; back again by prev", async () => {
    const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
    for (let i = 0; i < 7; i++) {
      const order = await open({ assetId: "AS000001", assigneeId: i % 2 ? "tina" : "tom", at: hours(i % 3) });
      if (i === 2)
        await moveWorkOrder(db.pool, {
          id: order.id,
          to: "cancelled",
          expectedVersion: 1,
          viewer: planner,
          reason: "duplicate",
        });
    }
    const everything = async (viewer: typeof planner) => {
      const pages = [await listWorkOrders(db.pool, viewer, { siteId: "S0001", limit: 3 })];
      while (pages.at(-1)!.next)
        pages.push(
          await listWorkOrders(db.pool, viewer, { siteId: "S0001", limit: 3, after: pages.at(-1)!.next }),
        );
      return pages;
    };
    const pages = await everything(planner);
    const { rows } = await db.pool.query<{ id: string }>(
      `select id from operations_portal.work_order where site_id = 'S0001'
        order by status in ('complete','cancelled'), completion_due_at, number`,
    );
    expect(pages.flatMap((p) => ids(p.rows))).toEqual(ids(rows));
    expect(pages[0]).toMatchObject({ total: rows.length, estimated: false, prev: null });
    let page = pages.at(-1)!;
    const backward = [ids(page.rows)];
    while (page.prev) {
      page = await listWorkOrders(db.pool, planner, { siteId: "S0001", limit: 3, before: page.prev });
      backward.unshift(ids(page.rows));
    }
    expect(backward).toEqual(pages.map((p) => ids(p.rows)));
    // The row rule holds on every page: Tina walks only her own.
    const tinas = (await everything(tina)).flatMap((p) => p.rows);
    expect(tinas.length).toBeGreaterThan(0);
    expect(tinas.every((r) => r.assigneeId === "tina")).toBe(true);
  });
});

describe("technician row rule (in SQL)", () => {
  it("a technician lists, reads and changes only their own orders", async () => {
    const mine = await open({ assetId: "AS000002", assigneeId: "tina" });
    const theirs = await open({ assetId: "AS000002", assigneeId: "tom" });
    const tinas = await listWorkOrders(db.pool, tina, { siteId: "S0002" });
    expect(tinas.rows.map((r) => r.id)).toEqual([mine.id]);
    expect((await listWorkOrders(db.pool, planner, { siteId: "S0002" })).total).toBe(2);
    await expect(getWorkOrder(db.pool, tina, theirs.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      moveWorkOrder(db.pool, { id: theirs.id, to: "in_progress", expectedVersion: 1, viewer: tina }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      recordWork(db.pool, {
        workOrderId: theirs.id,
        requestId: randomUUID(),
        viewer: tina,
        entry: "time",
        minutes: 5,
        note: "",
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect((await getWorkOrder(db.pool, planner, theirs.id)).status).toBe("open");
  });
});
