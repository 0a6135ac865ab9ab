import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database.ts";
import { decideReviewItem } from "./decide.ts";
import { claimItem, claimNext, enqueueReviewItem, listReviewItems, releaseExpiredClaims } from "./queue.ts";

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
});
