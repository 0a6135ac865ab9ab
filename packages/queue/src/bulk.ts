import { FieldRuleError } from "@appbase/next-kit/errors";
import { DEFAULT_LEASE_SECONDS } from "./claim.ts";
import { checkColumns } from "./enqueue.ts";
import type { Queryable, ResolvedQueue } from "./queue-table.ts";
import { refusal } from "./refusal.ts";

/** An item a lead selected, at the version they saw. */
export interface Selected {
  id: string;
  version: number;
}

export interface BulkResult<TItem> {
  done: TItem[];
  /** Items not changed, each with the reason (closed, changed meanwhile, gone). */
  refused: { id: string; reason: string }[];
}

const MAX_BULK = 500;

async function bulk<TItem>(
  q: ResolvedQueue<TItem>,
  db: Queryable,
  selected: readonly Selected[],
  actor: string,
  sets: string[],
  extraParams: unknown[],
): Promise<BulkResult<TItem>> {
  if (selected.length === 0) return { done: [], refused: [] };
  if (selected.length > MAX_BULK)
    throw new FieldRuleError("items", `Select at most ${MAX_BULK} items at a time.`);
  const { rows } = await db.query(
    `update ${q.table} t
     set ${[...sets, "version = t.version + 1", "updated_at = now()"].join(", ")}
     from unnest($1::uuid[], $2::int[]) as s(id, version)
     where t.id = s.id and t.version = s.version and ${q.unclosed("t")}
     returning t.*`,
    [selected.map((s) => s.id), selected.map((s) => s.version), ...extraParams],
  );
  const done = new Set(rows.map((r) => String(r.id)));
  const missed = selected.filter((s) => !done.has(s.id));
  const refused: BulkResult<TItem>["refused"] = [];
  if (missed.length > 0) {
    const current = await db.query(`select * from ${q.table} where id = any($1::uuid[])`, [
      missed.map((s) => s.id),
    ]);
    const byId = new Map(current.rows.map((r) => [String(r.id), r]));
    for (const s of missed) {
      const row = byId.get(s.id);
      const reason = row
        ? refusal(row, null, { actor, expectedVersion: s.version, closed: q.spec.statuses.closed }).message
        : "This item does not exist.";
      refused.push({ id: s.id, reason });
    }
  }
  return { done: rows.map(q.spec.toItem), refused };
}

/** A lead assigns the selected unclosed items to `assignee` (a claim with a lease in their name). */
export async function bulkAssign<TItem>(
  q: ResolvedQueue<TItem>,
  db: Queryable,
  input: { items: readonly Selected[]; assignee: string; actor: string; leaseSeconds?: number },
): Promise<BulkResult<TItem>> {
  const snooze = q.has.snooze ? ["snoozed_until = null", "snooze_reason = null"] : [];
  return bulk(
    q,
    db,
    input.items,
    input.actor,
    [
      `status = '${q.spec.statuses.claimed}'`,
      "claimed_by = $3",
      "claimed_at = now()",
      "lease_expires_at = now() + make_interval(secs => $4)",
      ...snooze,
    ],
    [input.assignee, input.leaseSeconds ?? DEFAULT_LEASE_SECONDS],
  );
}

/** A lead closes the selected unclosed items with one closed status (and the kit's columns, e.g. a resolution). */
export async function bulkClose<TItem>(
  q: ResolvedQueue<TItem>,
  db: Queryable,
  input: { items: readonly Selected[]; status: string; actor: string; values?: Record<string, unknown> },
): Promise<BulkResult<TItem>> {
  if (!q.spec.statuses.closed.includes(input.status)) {
    throw new FieldRuleError(
      "status",
      `Close with one of ${q.spec.statuses.closed.join(", ")}, not "${input.status}".`,
    );
  }
  const values = input.values ?? {};
  checkColumns(q, Object.keys(values));
  const params: unknown[] = [];
  const sets = [`status = '${input.status}'`, "lease_expires_at = null"];
  if (q.has.closedAt) {
    params.push(input.actor);
    sets.push("closed_at = now()", "closed_by = $3");
  }
  for (const [name, value] of Object.entries(values)) {
    params.push(value);
    sets.push(`${name} = $${params.length + 2}`);
  }
  return bulk(q, db, input.items, input.actor, sets, params);
}
