import type { Queryable } from "@appbase/db";
import { DEFAULT_LEASE_SECONDS, defineQueue, type MayRead } from "@appbase/queue";
import { reviewItem } from "../../db/schema/review-item.ts";
import { type ReviewItem, type ReviewSource, toReviewItem } from "./review-item.ts";

/** How long a claim holds before the item returns to the queue. */
export { DEFAULT_LEASE_SECONDS };

/**
 * The review queue on the shared mechanics (@appbase/queue): lowest priority number first, one
 * item per source key for good (a repeat of a decided interrupt does not reopen it).
 */
export const reviewQueue = defineQueue<ReviewItem>({
  table: reviewItem,
  statuses: { open: "pending", claimed: "claimed", closed: ["decided"] },
  claimOrder: [reviewItem.priority, reviewItem.createdAt, reviewItem.id],
  dedupKey: reviewItem.sourceKey,
  dedupScope: "always",
  closedMessage: (item) => `This item was already decided (${item.decision}) by ${item.decidedBy}.`,
  toItem: toReviewItem,
});

export interface NewReviewItem {
  threadId: string;
  source: ReviewSource;
  sourceKey: string;
  title: string;
  payload?: unknown;
  priority?: number;
}

/** Adds an item once per source key; a repeat (e.g. the same interrupt seen again) returns the existing item. */
export async function enqueueReviewItem(db: Queryable, item: NewReviewItem): Promise<ReviewItem> {
  const { item: queued } = await reviewQueue.enqueue(db, {
    dedupKey: item.sourceKey,
    values: {
      thread_id: item.threadId,
      source: item.source,
      title: item.title,
      payload: JSON.stringify(item.payload ?? {}),
      priority: item.priority ?? 100,
    },
  });
  return queued;
}

/** Claims up to `limit` of the next claimable items for `reviewer`; concurrent claimers skip each other's rows. */
export function claimNext(
  db: Queryable,
  input: { reviewer: string; limit?: number; leaseSeconds?: number },
): Promise<ReviewItem[]> {
  return reviewQueue.claimNext(db, {
    claimant: input.reviewer,
    limit: input.limit,
    leaseSeconds: input.leaseSeconds,
  });
}

/**
 * Claims one named item; if someone else holds a live claim (or it is decided) this is a conflict
 * naming them, or saying nothing of the item when `mayRead` (reviewerMayRead) hides it from the reviewer.
 */
export function claimItem(
  db: Queryable,
  input: { itemId: string; reviewer: string; leaseSeconds?: number; mayRead?: MayRead },
): Promise<ReviewItem> {
  return reviewQueue.claim(db, {
    id: input.itemId,
    claimant: input.reviewer,
    leaseSeconds: input.leaseSeconds,
    mayRead: input.mayRead,
  });
}

/** Returns items whose lease ran out to the queue (the claim predicate also treats them as claimable). */
export function releaseExpiredClaims(db: Queryable): Promise<number> {
  return reviewQueue.releaseExpired(db);
}

/** One review item by id, or NotFoundError. */
export function getReviewItem(db: Queryable, itemId: string): Promise<ReviewItem> {
  return reviewQueue.get(db, itemId);
}

/**
 * The queue's row rule for one row: review.read-all holders (`seeAll`) read every item, other reviewers
 * unclaimed items and their own claims. listReviewItems applies the same rule in SQL; a refused claim or
 * decision on an item the rule hides carries nothing of it.
 */
export function reviewerMayRead(viewer: string, seeAll: boolean): MayRead {
  return (row) =>
    seeAll || row.claimed_by === null || row.claimed_by === undefined || row.claimed_by === viewer;
}

/** The queue a viewer sees: open items first; without `seeAll` only unclaimed items and their own claims. */
export async function listReviewItems(
  db: Queryable,
  input: { viewer: string; seeAll: boolean; limit?: number },
): Promise<ReviewItem[]> {
  const { rows } = await db.query(
    `select * from agent_ops.review_item
     where $2::boolean or claimed_by is null or claimed_by = $1
     order by case status when 'decided' then 1 else 0 end, priority, created_at desc
     limit $3`,
    [input.viewer, input.seeAll, input.limit ?? 200],
  );
  return rows.map(toReviewItem);
}
