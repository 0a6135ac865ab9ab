import { NotFoundError } from "@appbase/next-kit/errors";
import type { Queryable, ResolvedQueue } from "./queue-table.ts";
import { type MayRead, refusal } from "./refusal.ts";

/** How long a claim holds before the item returns to the queue. */
export const DEFAULT_LEASE_SECONDS = 15 * 60;

const claimSet = <T>(q: ResolvedQueue<T>, alias = "") =>
  `status = '${q.spec.statuses.claimed}', claimed_by = $1, claimed_at = now(),
   lease_expires_at = now() + make_interval(secs => $2), version = ${alias}version + 1, updated_at = now()` +
  (q.has.snooze ? ", snoozed_until = null, snooze_reason = null" : "");

/** Reads one item's raw row, or NotFoundError. */
export async function getRow<TItem>(
  q: ResolvedQueue<TItem>,
  db: Queryable,
  id: string,
): Promise<Record<string, unknown>> {
  const { rows } = await db.query(`select * from ${q.table} where id = $1`, [id]);
  if (!rows[0]) throw new NotFoundError(`Item ${id} does not exist in ${q.table}.`);
  return rows[0];
}

/**
 * Claims up to `limit` of the most urgent claimable items. `FOR UPDATE SKIP LOCKED` makes
 * concurrent claimers pass over each other's rows instead of waiting or double-claiming.
 */
export async function claimNext<TItem>(
  q: ResolvedQueue<TItem>,
  db: Queryable,
  input: { claimant: string; limit?: number; leaseSeconds?: number },
): Promise<TItem[]> {
  const { rows } = await db.query(
    `with c as (
       select id from ${q.table}
       where ${q.claimable()}
       order by ${q.orderBy}
       for update skip locked
       limit $3)
     update ${q.table} r set ${claimSet(q, "r.")}
     from c where r.id = c.id
     returning r.*`,
    [input.claimant, input.leaseSeconds ?? DEFAULT_LEASE_SECONDS, input.limit ?? 1],
  );
  return rows.map(q.spec.toItem);
}

/**
 * Claims one named item (a snoozed one too: naming it is deliberate). Someone else's live claim,
 * or a closed item, is a ConflictError saying who holds it and until when (nothing, when `mayRead`
 * says the claimant may not read the item as it is now); renewing one's own claim is allowed.
 */
export async function claimItem<TItem>(
  q: ResolvedQueue<TItem>,
  db: Queryable,
  input: { id: string; claimant: string; leaseSeconds?: number; mayRead?: MayRead },
): Promise<TItem> {
  const { rows } = await db.query(
    `update ${q.table} set ${claimSet(q)}
     where id = $3 and ${q.unclosed()}
       and (status = '${q.spec.statuses.open}' or lease_expires_at < now() or claimed_by = $1)
     returning *`,
    [input.claimant, input.leaseSeconds ?? DEFAULT_LEASE_SECONDS, input.id],
  );
  if (rows[0]) return q.spec.toItem(rows[0]);
  const row = await getRow(q, db, input.id);
  throw refusal(row, q.spec.toItem(row), {
    actor: input.claimant,
    closed: q.spec.statuses.closed,
    closedMessage: q.spec.closedMessage,
    mayRead: input.mayRead,
  });
}

/** Puts every item whose lease ran out back in the queue (claims also treat them as claimable, so this is tidying). */
export async function releaseExpired<TItem>(q: ResolvedQueue<TItem>, db: Queryable): Promise<number> {
  const { rowCount } = await db.query(
    `update ${q.table}
     set status = '${q.spec.statuses.open}', claimed_by = null, claimed_at = null, lease_expires_at = null,
         version = version + 1, updated_at = now()
     where status = '${q.spec.statuses.claimed}' and lease_expires_at < now()`,
  );
  return rowCount ?? 0;
}
