import { ConflictError } from "@appbase/next-kit/errors";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database.ts";
import { decideReviewItem } from "./decide.ts";
import {
  claimItem,
  claimNext,
  enqueueReviewItem,
  getReviewItem,
  listReviewItems,
  releaseExpiredClaims,
  reviewerMayRead,
} from "./queue.ts";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});
beforeEach(async () => {
  await database.pool.query("delete from agent_ops.review_item");
});

const item = (n: number) => ({
  threadId: `thread-${n}`,
  source: "interrupt" as const,
  sourceKey: `interrupt:thread-${n}`,
  title: `Refund for order ${n}`,
});

describe("review queue", () => {
  it("enqueues once per source key", async () => {
    const a = await enqueueReviewItem(database.pool, item(1));
    const b = await enqueueReviewItem(database.pool, item(1));
    expect(b.id).toBe(a.id);
    const { rows } = await database.pool.query("select count(*)::int as n from agent_ops.review_item");
    expect(rows[0].n).toBe(1);
  });

  it("lets one reviewer claim an item and refuses a second, naming the holder", async () => {
    const queued = await enqueueReviewItem(database.pool, item(2));
    const claimed = await claimItem(database.pool, { itemId: queued.id, reviewer: "rita@example.com" });
    expect(claimed.claimedBy).toBe("rita@example.com");
    await expect(
      claimItem(database.pool, { itemId: queued.id, reviewer: "ravi@example.com" }),
    ).rejects.toThrow(/rita@example.com has claimed this item/);
  });

  it("returns an item whose lease expired to the queue", async () => {
    const queued = await enqueueReviewItem(database.pool, item(3));
    await claimItem(database.pool, { itemId: queued.id, reviewer: "rita@example.com", leaseSeconds: -1 });
    const taken = await claimNext(database.pool, { reviewer: "ravi@example.com" });
    expect(taken.map((t) => t.id)).toEqual([queued.id]);
    await claimItem(database.pool, { itemId: queued.id, reviewer: "ravi@example.com", leaseSeconds: -1 });
    expect(await releaseExpiredClaims(database.pool)).toBe(1);
    const [listed] = await listReviewItems(database.pool, { viewer: "x", seeAll: false });
    expect(listed?.status).toBe("pending");
  });

  it("records a decision only for the claim holder with the current version and a rationale", async () => {
    const queued = await enqueueReviewItem(database.pool, item(4));
    const claimed = await claimItem(database.pool, { itemId: queued.id, reviewer: "rita@example.com" });
    const base = { itemId: queued.id, expectedVersion: claimed.version, decision: "approve" as const };
    await expect(
      decideReviewItem(database.pool, { ...base, reviewer: "rita@example.com", rationale: " " }),
    ).rejects.toThrow(/Say why/);
    await expect(
      decideReviewItem(database.pool, { ...base, reviewer: "ravi@example.com", rationale: "looks fine" }),
    ).rejects.toThrow(/not claimed by you/);
    await expect(
      decideReviewItem(database.pool, {
        ...base,
        expectedVersion: 1,
        reviewer: "rita@example.com",
        rationale: "ok!",
      }),
    ).rejects.toThrow(/changed since you opened it/);
    const decided = await decideReviewItem(database.pool, {
      ...base,
      reviewer: "rita@example.com",
      rationale: "Refund within policy",
    });
    expect(decided).toMatchObject({
      status: "decided",
      decision: "approve",
      rationale: "Refund within policy",
    });
  });

  it("shows reviewers unclaimed items and their own claims only", async () => {
    const a = await enqueueReviewItem(database.pool, item(5));
    await enqueueReviewItem(database.pool, item(6));
    await claimItem(database.pool, { itemId: a.id, reviewer: "rita@example.com" });
    const ravi = await listReviewItems(database.pool, { viewer: "ravi@example.com", seeAll: false });
    expect(ravi.map((i) => i.threadId)).toEqual(["thread-6"]);
    const operator = await listReviewItems(database.pool, { viewer: "olga@example.com", seeAll: true });
    expect(operator).toHaveLength(2);
  });

  it("the row rule in memory agrees with the list: each row is readable exactly when it is listed", async () => {
    const a = await enqueueReviewItem(database.pool, item(7));
    const b = await enqueueReviewItem(database.pool, item(8));
    await enqueueReviewItem(database.pool, item(9));
    await claimItem(database.pool, { itemId: a.id, reviewer: "rita@example.com" });
    await claimItem(database.pool, { itemId: b.id, reviewer: "ravi@example.com" });
    const { rows } = await database.pool.query("select * from agent_ops.review_item");
    for (const [viewer, seeAll] of [
      ["ravi@example.com", false],
      ["rita@example.com", false],
      ["olga@example.com", true],
    ] as const) {
      const listed = new Set((await listReviewItems(database.pool, { viewer, seeAll })).map((i) => i.id));
      const readable = new Set(rows.filter(reviewerMayRead(viewer, seeAll)).map((r) => String(r.id)));
      expect(readable, viewer).toEqual(listed);
    }
  });

  it("a claim or decision conflict on an item hidden from the reviewer carries nothing of it", async () => {
    const held = await enqueueReviewItem(database.pool, { ...item(10), title: "Refund for Jane Doe" });
    const claimed = await claimItem(database.pool, { itemId: held.id, reviewer: "rita@example.com" });
    const ravi = { reviewer: "ravi@example.com", mayRead: reviewerMayRead("ravi@example.com", false) };
    const claim = await claimItem(database.pool, { itemId: held.id, ...ravi }).catch((e: unknown) => e);
    const decide = await decideReviewItem(database.pool, {
      itemId: held.id,
      ...ravi,
      expectedVersion: claimed.version,
      decision: "approve",
      rationale: "looks fine",
    }).catch((e: unknown) => e);
    for (const error of [claim, decide]) {
      expect(error).toBeInstanceOf(ConflictError);
      expect((error as ConflictError).current).toBeNull();
      expect(JSON.stringify({ message: (error as Error).message })).not.toMatch(/rita|Jane|thread-10/);
    }
    expect(await getReviewItem(database.pool, held.id)).toMatchObject({
      status: "claimed",
      claimedBy: "rita@example.com",
    });
    // An operator (review.read-all) is told who holds it, with the item.
    const olga = await claimItem(database.pool, {
      itemId: held.id,
      reviewer: "olga@example.com",
      mayRead: reviewerMayRead("olga@example.com", true),
    }).catch((e: unknown) => e);
    expect((olga as Error).message).toMatch(/rita@example.com has claimed this item/);
    expect((olga as ConflictError).current).toMatchObject({ id: held.id });
  });
});
