import { type BulkResult, bulkAssign, bulkClose, type Selected } from "./bulk.ts";
import { claimItem, claimNext, getRow, releaseExpired } from "./claim.ts";
import { type Enqueued, enqueue, type NewQueueItem } from "./enqueue.ts";
import { registerQueueForMetrics } from "./queue-metrics.ts";
import { type Queryable, type QueueSpec, type ResolvedQueue, resolveQueue } from "./queue-table.ts";
import type { MayRead } from "./refusal.ts";
import { type Change, close, release, snooze, update } from "./transitions.ts";

/** A work queue over one of a kit's tables: the operations, bound to that table. */
export interface Queue<TItem> {
  /** The schema-qualified table, for the kit's own reads. */
  table: string;
  /** SQL: the item (alias optional) is not closed. */
  unclosedSql(alias?: string): string;
  enqueue(db: Queryable, item: NewQueueItem): Promise<Enqueued<TItem>>;
  claimNext(
    db: Queryable,
    input: { claimant: string; limit?: number; leaseSeconds?: number },
  ): Promise<TItem[]>;
  claim(
    db: Queryable,
    input: { id: string; claimant: string; leaseSeconds?: number; mayRead?: MayRead },
  ): Promise<TItem>;
  release(db: Queryable, change: Change): Promise<TItem>;
  releaseExpired(db: Queryable): Promise<number>;
  snooze(db: Queryable, change: Change & { until: Date; reason: string }): Promise<TItem>;
  update(db: Queryable, change: Change): Promise<TItem>;
  close(db: Queryable, change: Change & { status: string }): Promise<TItem>;
  bulkAssign(
    db: Queryable,
    input: { items: readonly Selected[]; assignee: string; actor: string; leaseSeconds?: number },
  ): Promise<BulkResult<TItem>>;
  bulkClose(
    db: Queryable,
    input: { items: readonly Selected[]; status: string; actor: string; values?: Record<string, unknown> },
  ): Promise<BulkResult<TItem>>;
  get(db: Queryable, id: string): Promise<TItem>;
}

/** Binds the queue mechanics to a kit's table; the table is checked against the column contract here, once. */
export function defineQueue<TItem>(spec: QueueSpec<TItem>): Queue<TItem> {
  const q = resolveQueue(spec);
  registerQueueForMetrics(q as ResolvedQueue<unknown>);
  return {
    table: q.table,
    unclosedSql: q.unclosed,
    enqueue: (db, item) => enqueue(q, db, item),
    claimNext: (db, input) => claimNext(q, db, input),
    claim: (db, input) => claimItem(q, db, input),
    release: (db, change) => release(q, db, change),
    releaseExpired: (db) => releaseExpired(q, db),
    snooze: (db, change) => snooze(q, db, change),
    update: (db, change) => update(q, db, change),
    close: (db, change) => close(q, db, change),
    bulkAssign: (db, input) => bulkAssign(q, db, input),
    bulkClose: (db, input) => bulkClose(q, db, input),
    get: async (db, id) => spec.toItem(await getRow(q, db, id)),
  };
}
