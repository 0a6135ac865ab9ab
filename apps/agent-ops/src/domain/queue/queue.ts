import { ConflictError, NotFoundError } from "@appbase/next-kit/errors";
import type { Queryable } from "@appbase/db";
import { type ReviewItem, type ReviewSource, toReviewItem } from "./review-item.ts";

/** How long a claim holds before the item returns to the queue. */
export const DEFAULT_LEASE_SECONDS = 15 * 60;

// A claimed item whose lease ran out is claimable again, so abandoned claims need no sweeper.
const CLAIMABLE = `(status = 'pending' or (status = 'claimed' and lease_expires_at < now()))`;

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
  const inserted = await db.query(
    `insert into agent_ops.review_item (thread_id, source, source_key, title, payload, priority)
     values ($1, $2, $3, $4, $5, $6)
     on conflict (source_key) do nothing returning *`,
    [
      item.threadId,
      item.source,
      item.sourceKey,
      item.title,
      JSON.stringify(item.payload ?? {}),
      item.priority ?? 100,
    ],
  );
  if (inserted.rows[0]) return toReviewItem(inserted.rows[0]);
  const existing = await db.query("select * from agent_ops.review_item where source_key = $1", [
    item.sourceKey,
  ]);
  return toReviewItem(existing.rows[0] as Record<string, unknown>);
}

/** Claims up to `limit` of the next claimable items for `reviewer`; concurrent claimers skip each other's rows. */
export async function claimNext(
  db: Queryable,
  input: { reviewer: string; limit?: number; leaseSeconds?: number },
): Promise<ReviewItem[]> {
  const { rows } = await db.query(
    `with c as (
       select id from agent_ops.review_item
       where ${CLAIMABLE}
       order by priority, created_at, id
       for update skip locked
       limit $2)
     update agent_ops.review_item r
     set status = 'claimed', claimed_by = $1, claimed_at = now(),
         lease_expires_at = now() + make_interval(secs => $3), version = r.version + 1, updated_at = now()
     from c where r.id = c.id
     returning r.*`,
    [input.reviewer, input.limit ?? 1, input.leaseSeconds ?? DEFAULT_LEASE_SECONDS],
  );
  return rows.map(toReviewItem);
}

/** Claims one named item; if someone else holds a live claim (or it is decided) this is a conflict naming them. */
export async function claimItem(
  db: Queryable,
  input: { itemId: string; reviewer: string; leaseSeconds?: number },
): Promise<ReviewItem> {
  const { rows } = await db.query(
    `update agent_ops.review_item
     set status = 'claimed', claimed_by = $2, claimed_at = now(),
         lease_expires_at = now() + make_interval(secs => $3), version = version + 1, updated_at = now()
     where id = $1 and (${CLAIMABLE} or (status = 'claimed' and claimed_by = $2))
     returning *`,
    [input.itemId, input.reviewer, input.leaseSeconds ?? DEFAULT_LEASE_SECONDS],
  );
  if (rows[0]) return toReviewItem(rows[0]);
  const current = await getReviewItem(db, input.itemId);
  if (current.status === "decided") {
    throw new ConflictError(
      `This item was already decided (${current.decision}) by ${current.decidedBy}.`,
      current,
    );
  }
  throw new ConflictError(
    `${current.claimedBy} has claimed this item until ${current.leaseExpiresAt?.toISOString()}; pick another item or wait for the lease to expire.`,
    current,
  );
}

/** Returns items whose lease ran out to the queue (the claim predicate also treats them as claimable). */
export async function releaseExpiredClaims(db: Queryable): Promise<number> {
  const { rowCount } = await db.query(
    `update agent_ops.review_item
     set status = 'pending', claimed_by = null, claimed_at = null, lease_expires_at = null,
         version = version + 1, updated_at = now()
     where status = 'claimed' and lease_expires_at < now()`,
  );
  return rowCount ?? 0;
}

/** One review item by id, or NotFoundError. */
export async function getReviewItem(db: Queryable, itemId: string): Promise<ReviewItem> {
  const { rows } = await db.query("select * from agent_ops.review_item where id = $1", [itemId]);
  if (!rows[0]) throw new NotFoundError(`Review item ${itemId} does not exist.`);
  return toReviewItem(rows[0]);
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
