import { ConflictError } from "@appbase/next-kit/errors";

/** The queue columns of a row, as Postgres returns them. */
interface QueueRow {
  status: string;
  claimed_by: string | null;
  lease_expires_at: Date | null;
  snoozed_until?: Date | null;
  version: number;
}

/** Whether the actor may read an item, as the kit's row rule says (a raw row, Postgres column names). */
export type MayRead = (row: Readonly<Record<string, unknown>>) => boolean;

/** The refusal for an item the actor may not read: it says nothing about the item, not even who holds it. */
export const UNREADABLE_ITEM_MESSAGE =
  "This item is no longer available to you; someone else is working on it or it was closed. Pick another item from the queue.";

/**
 * Why `actor` could not act on the item as it is now, in words a person can act on; the error
 * carries the current item so the UI can show it, unless `mayRead` says the actor may not read it
 * (then it carries nothing). `closed` names the statuses that end an item.
 */
export function refusal<TItem>(
  row: Record<string, unknown>,
  item: TItem,
  input: {
    actor: string;
    expectedVersion?: number;
    closed: readonly string[];
    closedMessage?: (item: TItem) => string;
    mayRead?: MayRead;
  },
): ConflictError<TItem | null> {
  if (input.mayRead && !input.mayRead(row)) return new ConflictError(UNREADABLE_ITEM_MESSAGE, null);
  const r = row as unknown as QueueRow;
  const now = Date.now();
  if (input.closed.includes(r.status)) {
    const message =
      input.closedMessage?.(item) ?? `This item is already ${r.status}; there is nothing left to do on it.`;
    return new ConflictError(message, item);
  }
  const liveClaim =
    r.claimed_by !== null && r.lease_expires_at !== null && r.lease_expires_at.getTime() >= now;
  if (liveClaim && r.claimed_by !== input.actor) {
    return new ConflictError(
      `${r.claimed_by} has claimed this item until ${r.lease_expires_at?.toISOString()}, so it is not claimed by you; pick another item or wait for the lease to expire.`,
      item,
    );
  }
  if (input.expectedVersion !== undefined && r.version !== input.expectedVersion) {
    return new ConflictError(
      `The item changed since you opened it (version ${input.expectedVersion} → ${r.version}); reload and try again.`,
      item,
    );
  }
  if (!liveClaim) {
    return new ConflictError(
      r.claimed_by === input.actor
        ? "Your claim's lease expired; claim the item again first."
        : "Claim this item first; it is not claimed by you.",
      item,
    );
  }
  return new ConflictError("The item changed meanwhile; reload and try again.", item);
}
