import { createTestDatabase, type TestDatabase } from "@appbase/db/testing";
import { ConflictError, FieldRuleError } from "@appbase/next-kit/errors";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTicketTable, tickets } from "./testing/sample-queue.ts";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await createTicketTable(db.pool);
});
afterAll(() => db?.close());
beforeEach(async () => {
  await db.pool.query("truncate queue_test.ticket");
});

const add = (title: string, key = title) => tickets.enqueue(db.pool, { values: { title }, dedupKey: key });

describe("enqueue", () => {
  it("adds a repeated signal to the open item, and opens a new item once that one is closed", async () => {
    const first = await add("Large cash deposit", "rule-1:entity-9");
    const again = await add("Large cash deposit", "rule-1:entity-9");
    expect(first.created).toBe(true);
    expect(again.created).toBe(false);
    expect(again.item.id).toBe(first.item.id);
    expect(again.item.duplicateCount).toBe(1);
    expect(again.item.version).toBe(first.item.version + 1);

    const claimed = await tickets.claim(db.pool, { id: first.item.id, claimant: "ana" });
    await tickets.close(db.pool, {
      id: first.item.id,
      actor: "ana",
      expectedVersion: claimed.version,
      status: "resolved",
    });
    const afterClose = await add("Large cash deposit", "rule-1:entity-9");
    expect(afterClose.created).toBe(true);
    expect(afterClose.item.id).not.toBe(first.item.id);
  });

  it("sets the due time to creation plus the queue's SLA, or the item's own", async () => {
    const { item } = await add("a");
    expect(item.dueAt!.getTime() - item.createdAt.getTime()).toBe(4 * 3600 * 1000);
    const urgent = await tickets.enqueue(db.pool, { values: { title: "b" }, dedupKey: "b", slaSeconds: 600 });
    expect(urgent.item.dueAt!.getTime() - urgent.item.createdAt.getTime()).toBe(600_000);
  });

  it("refuses a column the table does not have", async () => {
    await expect(
      tickets.enqueue(db.pool, { values: { "title; drop table x": 1 }, dedupKey: "k" }),
    ).rejects.toThrow(/no column/);
  });
});

describe("claims", () => {
  it("claims the most urgent first and refuses a second claimer, naming the holder", async () => {
    const later = await tickets.enqueue(db.pool, {
      values: { title: "later" },
      dedupKey: "later",
      slaSeconds: 7200,
    });
    const sooner = await tickets.enqueue(db.pool, {
      values: { title: "sooner" },
      dedupKey: "sooner",
      slaSeconds: 60,
    });
    const [got] = await tickets.claimNext(db.pool, { claimant: "ana" });
    expect(got!.id).toBe(sooner.item.id);
    const err = await tickets.claim(db.pool, { id: sooner.item.id, claimant: "bo" }).catch((e) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect(err.message).toMatch(/^ana has claimed this item until/);
    // Renewing one's own claim is fine; the next claimer gets the other item.
    await expect(tickets.claim(db.pool, { id: sooner.item.id, claimant: "ana" })).resolves.toMatchObject({
      claimedBy: "ana",
    });
    const [next] = await tickets.claimNext(db.pool, { claimant: "bo" });
    expect(next!.id).toBe(later.item.id);
  });

  it("makes an item with a lapsed lease claimable again, and releaseExpired returns it to the queue", async () => {
    const { item } = await add("x");
    await tickets.claim(db.pool, { id: item.id, claimant: "ana", leaseSeconds: 60 });
    await db.pool.query("update queue_test.ticket set lease_expires_at = now() - interval '1 second'");
    expect(await tickets.releaseExpired(db.pool)).toBe(1);
    const [taken] = await tickets.claimNext(db.pool, { claimant: "bo" });
    expect(taken).toMatchObject({ id: item.id, claimedBy: "bo", status: "claimed" });
  });

  it("releases only for the claimant", async () => {
    const { item } = await add("x");
    const held = await tickets.claim(db.pool, { id: item.id, claimant: "ana" });
    await expect(
      tickets.release(db.pool, { id: item.id, actor: "bo", expectedVersion: held.version }),
    ).rejects.toThrow(/ana has claimed/);
    const back = await tickets.release(db.pool, { id: item.id, actor: "ana", expectedVersion: held.version });
    expect(back).toMatchObject({ status: "open", claimedBy: null });
  });
});

describe("snooze", () => {
  it("hides the item from claimers until the time, with its reason; naming it still claims it", async () => {
    const { item } = await add("x");
    const until = new Date(Date.now() + 3600_000);
    const snoozed = await tickets.snooze(db.pool, {
      id: item.id,
      actor: "ana",
      expectedVersion: item.version,
      until,
      reason: " waiting on bank reply ",
    });
    expect(snoozed).toMatchObject({ status: "open", snoozeReason: "waiting on bank reply" });
    expect(await tickets.claimNext(db.pool, { claimant: "bo" })).toEqual([]);
    await db.pool.query("update queue_test.ticket set snoozed_until = now() - interval '1 second'");
    expect(await tickets.claimNext(db.pool, { claimant: "bo" })).toHaveLength(1);
  });

  it("refuses a past time, an empty reason, and an item someone else holds", async () => {
    const { item } = await add("x");
    const past = new Date(Date.now() - 1000);
    await expect(
      tickets.snooze(db.pool, { id: item.id, actor: "ana", expectedVersion: 1, until: past, reason: "r" }),
    ).rejects.toBeInstanceOf(FieldRuleError);
    const held = await tickets.claim(db.pool, { id: item.id, claimant: "ana" });
    const later = new Date(Date.now() + 60_000);
    await expect(
      tickets.snooze(db.pool, {
        id: item.id,
        actor: "bo",
        expectedVersion: held.version,
        until: later,
        reason: "r",
      }),
    ).rejects.toThrow(/ana has claimed/);
  });
});

describe("close", () => {
  it("needs the claim and the current version; records who closed it; a second close is refused", async () => {
    const { item } = await add("x");
    await expect(
      tickets.close(db.pool, {
        id: item.id,
        actor: "ana",
        expectedVersion: item.version,
        status: "resolved",
      }),
    ).rejects.toThrow(/Claim this item first/);
    const held = await tickets.claim(db.pool, { id: item.id, claimant: "ana" });
    await expect(
      tickets.close(db.pool, {
        id: item.id,
        actor: "ana",
        expectedVersion: item.version,
        status: "resolved",
      }),
    ).rejects.toThrow(/changed since you opened it/);
    await expect(
      tickets.close(db.pool, { id: item.id, actor: "ana", expectedVersion: held.version, status: "open" }),
    ).rejects.toBeInstanceOf(FieldRuleError);
    const closed = await tickets.close(db.pool, {
      id: item.id,
      actor: "ana",
      expectedVersion: held.version,
      status: "resolved",
      values: { resolution: "benign" },
    });
    expect(closed).toMatchObject({ status: "resolved", closedBy: "ana", resolution: "benign" });
    await expect(
      tickets.close(db.pool, {
        id: item.id,
        actor: "ana",
        expectedVersion: closed.version,
        status: "dismissed",
      }),
    ).rejects.toThrow(/already resolved/);
  });
});

describe("bulk", () => {
  it("assigns and closes what is still at the selected version, and says why the rest were refused", async () => {
    const a = (await add("a")).item;
    const b = (await add("b")).item;
    const c = (await add("c")).item;
    await tickets.claim(db.pool, { id: b.id, claimant: "ana" }); // b moves on: the lead's view is stale
    const assigned = await tickets.bulkAssign(db.pool, {
      items: [a, b, c].map(({ id, version }) => ({ id, version })),
      assignee: "bo",
      actor: "lee",
    });
    expect(assigned.done.map((t) => t.id).sort()).toEqual([a.id, c.id].sort());
    expect(assigned.refused).toEqual([{ id: b.id, reason: expect.stringMatching(/^ana has claimed/) }]);
    const aNow = assigned.done.find((t) => t.id === a.id)!;
    const closed = await tickets.bulkClose(db.pool, {
      items: [
        { id: aNow.id, version: aNow.version },
        { id: c.id, version: c.version },
      ],
      status: "dismissed",
      actor: "lee",
      values: { resolution: "duplicate" },
    });
    expect(closed.done).toEqual([
      expect.objectContaining({ id: a.id, status: "dismissed", closedBy: "lee", resolution: "duplicate" }),
    ]);
    expect(closed.refused).toEqual([
      { id: c.id, reason: expect.stringMatching(/bo has claimed|changed since/) },
    ]);
  });
});

describe("refusals reveal nothing the actor may not read", () => {
  // A row rule like the review queue's: unclaimed items and one's own claims only.
  const mayReadAs = (actor: string) => (row: Readonly<Record<string, unknown>>) =>
    row.claimed_by === null || row.claimed_by === actor;

  it("a claim conflict on an item someone else holds carries no item and names no holder", async () => {
    const { item } = await add("Sensitive title");
    await tickets.claim(db.pool, { id: item.id, claimant: "ana" });
    const err = await tickets
      .claim(db.pool, { id: item.id, claimant: "bo", mayRead: mayReadAs("bo") })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as ConflictError).current).toBeNull();
    expect((err as Error).message).not.toMatch(/ana|Sensitive/);
    // Without a row rule (or for a reader who may see it) the conflict still says who holds it.
    const open = await tickets.claim(db.pool, { id: item.id, claimant: "bo" }).catch((e: unknown) => e);
    expect((open as ConflictError).current).toMatchObject({ title: "Sensitive title" });
  });

  it("a refused change or close carries nothing either, and writes nothing", async () => {
    const { item } = await add("Held elsewhere");
    const held = await tickets.claim(db.pool, { id: item.id, claimant: "ana" });
    const change = { id: item.id, actor: "bo", expectedVersion: held.version, mayRead: mayReadAs("bo") };
    for (const attempt of [
      tickets.close(db.pool, { ...change, status: "resolved" }),
      tickets.update(db.pool, { ...change, values: { title: "hijacked" } }),
      tickets.release(db.pool, change),
    ]) {
      const err = await attempt.catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ConflictError);
      expect((err as ConflictError).current).toBeNull();
      expect((err as Error).message).not.toMatch(/ana/);
    }
    expect(await tickets.get(db.pool, item.id)).toMatchObject({ title: "Held elsewhere", claimedBy: "ana" });
  });
});
