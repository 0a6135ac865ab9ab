import type { Queryable, ResolvedQueue } from "./queue-table.ts";

export interface NewQueueItem {
  /** The kit's own columns by Postgres name (`rule_id`, `payload` as JSON text, ...). */
  values: Record<string, unknown>;
  /** Same key while an item is open = the same signal again. Required when the queue deduplicates. */
  dedupKey?: string;
  /** Overrides the queue's SLA for this item (e.g. by severity). */
  slaSeconds?: number;
}

export interface Enqueued<TItem> {
  item: TItem;
  /** False when the signal was added to an item already open (or, for `always` keys, already there). */
  created: boolean;
}

/** Checks that every key names a column of the queue table (they are spliced into SQL as identifiers). */
export function checkColumns<TItem>(q: ResolvedQueue<TItem>, names: Iterable<string>): void {
  for (const name of names) {
    if (!q.columns.has(name)) throw new Error(`${q.table} has no column "${name}".`);
  }
}

/**
 * Adds an item, or adds the signal to the open item with the same dedup key (its duplicate count
 * and last-seen time move; nothing new is created). Due time = creation + the SLA.
 */
export async function enqueue<TItem>(
  q: ResolvedQueue<TItem>,
  db: Queryable,
  input: NewQueueItem,
): Promise<Enqueued<TItem>> {
  const values: Record<string, unknown> = { ...input.values };
  if (q.dedupColumn) {
    if (!input.dedupKey) throw new Error(`${q.table} deduplicates; give each item a dedup key.`);
    values[q.dedupColumn] = input.dedupKey;
  }
  checkColumns(q, Object.keys(values));
  const names = Object.keys(values);
  const params = names.map((n) => values[n]);
  const placeholders = names.map((_, i) => `$${i + 1}`);
  const sla = input.slaSeconds ?? q.spec.slaSeconds;
  if (sla !== undefined && !("due_at" in values)) {
    if (!Number.isFinite(sla) || sla <= 0) throw new Error(`SLA seconds must be positive, not ${sla}.`);
    params.push(sla);
    names.push("due_at");
    placeholders.push(`now() + make_interval(secs => $${params.length})`);
  }
  const t = q.table;
  let conflict = "";
  if (q.dedupColumn) {
    const target =
      q.spec.dedupScope === "always" ? `(${q.dedupColumn})` : `(${q.dedupColumn}) where ${q.unclosed()}`;
    const bumps = [
      q.has.duplicateCount ? `duplicate_count = ${t}.duplicate_count + 1` : null,
      q.has.lastSeenAt ? "last_seen_at = now()" : null,
    ].filter(Boolean);
    conflict =
      bumps.length > 0
        ? `on conflict ${target} do update set ${bumps.join(", ")}, version = ${t}.version + 1, updated_at = now() where ${q.unclosed(t)}`
        : `on conflict ${target} do nothing`;
  }
  const { rows } = await db.query(
    `insert into ${t} (${names.join(", ")}) values (${placeholders.join(", ")}) ${conflict}
     returning *, (xmax = 0) as queue_inserted`,
    params,
  );
  const row = rows[0];
  if (row) {
    const { queue_inserted, ...rest } = row;
    return { item: q.spec.toItem(rest), created: queue_inserted === true };
  }
  // `always` keys whose item is closed, or queues without counters: the signal belongs to the existing item.
  const existing = await db.query(
    `select * from ${t} where ${q.dedupColumn} = $1 order by created_at desc limit 1`,
    [input.dedupKey],
  );
  return { item: q.spec.toItem(existing.rows[0] as Record<string, unknown>), created: false };
}
