import { FieldRuleError } from "@appbase/next-kit/errors";
import { getRow } from "./claim.ts";
import { checkColumns } from "./enqueue.ts";
import type { Queryable, ResolvedQueue } from "./queue-table.ts";
import { type MayRead, refusal } from "./refusal.ts";

/** Who may act: the live claimant only, or anyone who is not blocked by someone else's live claim. */
type Holder = "claimant" | "not-held-by-another";

/** One versioned change to an item, by `actor`, at the version they saw. */
export interface Change {
  id: string;
  actor: string;
  expectedVersion: number;
  /** The kit's columns to set, by Postgres name; values are parameters. */
  values?: Record<string, unknown>;
  /** Leads (e.g. `alert.reassign`) may act on items others hold. */
  override?: boolean;
  /** The kit's row rule for the actor: a refused change on an item they may not read reveals nothing of it. */
  mayRead?: MayRead;
}

/**
 * One versioned update: applies only if the item is unclosed, still at `expectedVersion` and the
 * actor may touch it; otherwise a ConflictError that says which of those failed.
 */
async function versionedChange<TItem>(
  q: ResolvedQueue<TItem>,
  db: Queryable,
  change: Change,
  holder: Holder,
  fixed: string[],
): Promise<TItem> {
  const values = change.values ?? {};
  checkColumns(q, Object.keys(values));
  const params: unknown[] = [change.id, change.expectedVersion, change.actor, change.override ?? false];
  const sets = Object.entries(values).map(([name, value]) => {
    params.push(value);
    return `${name} = $${params.length}`;
  });
  const held =
    holder === "claimant"
      ? "(claimed_by = $3 and lease_expires_at >= now())"
      : `(status = '${q.spec.statuses.open}' or lease_expires_at < now() or claimed_by = $3)`;
  const { rows } = await db.query(
    `update ${q.table}
     set ${[...fixed, ...sets, "version = version + 1", "updated_at = now()"].join(", ")}
     where id = $1 and version = $2 and ${q.unclosed()} and (${held} or $4::boolean)
     returning *`,
    params,
  );
  if (rows[0]) return q.spec.toItem(rows[0]);
  const row = await getRow(q, db, change.id);
  throw refusal(row, q.spec.toItem(row), {
    actor: change.actor,
    expectedVersion: change.expectedVersion,
    closed: q.spec.statuses.closed,
    closedMessage: q.spec.closedMessage,
    mayRead: change.mayRead,
  });
}

const unclaim = <T>(q: ResolvedQueue<T>) => [
  `status = '${q.spec.statuses.open}'`,
  "claimed_by = null",
  "claimed_at = null",
  "lease_expires_at = null",
];

/** Gives a claimed item back to the queue. */
export function release<TItem>(q: ResolvedQueue<TItem>, db: Queryable, change: Change): Promise<TItem> {
  return versionedChange(q, db, change, "claimant", unclaim(q));
}

/** Edits the kit's own columns of an item the actor holds (the version still guards it). */
export function update<TItem>(q: ResolvedQueue<TItem>, db: Queryable, change: Change): Promise<TItem> {
  return versionedChange(q, db, change, "claimant", []);
}

/**
 * Hides an item from claimers until `until`, with the reason shown on it; the item returns to the
 * queue unclaimed. Snoozing an item someone else holds is refused.
 */
export async function snooze<TItem>(
  q: ResolvedQueue<TItem>,
  db: Queryable,
  change: Change & { until: Date; reason: string },
): Promise<TItem> {
  if (!q.has.snooze) throw new Error(`${q.table} has no snoozed_until/snooze_reason columns.`);
  if (!(change.until.getTime() > Date.now()))
    throw new FieldRuleError("until", "Snooze until a time in the future.");
  if (change.reason.trim() === "") throw new FieldRuleError("reason", "Say why the item is snoozed.");
  return versionedChange(
    q,
    db,
    {
      ...change,
      values: { ...change.values, snoozed_until: change.until, snooze_reason: change.reason.trim() },
    },
    "not-held-by-another",
    unclaim(q),
  );
}

/** Ends an item with one of the queue's closed statuses; the actor must hold it unless overriding. */
export async function close<TItem>(
  q: ResolvedQueue<TItem>,
  db: Queryable,
  change: Change & { status: string },
): Promise<TItem> {
  if (!q.spec.statuses.closed.includes(change.status)) {
    throw new FieldRuleError(
      "status",
      `Close with one of ${q.spec.statuses.closed.join(", ")}, not "${change.status}".`,
    );
  }
  const fixed = [`status = '${change.status}'`, "lease_expires_at = null"];
  if (q.has.closedAt) fixed.push("closed_at = now()", "closed_by = $3");
  return versionedChange(q, db, change, "claimant", fixed);
}
