import type { Lakehouse } from "../lakehouse.ts";
import type { Predicate } from "../predicate.ts";
import { SerialQueue } from "../serial-queue.ts";
import type { CellValue, Row } from "../values.ts";
import { EVENT_ID_COLUMN, type GovernedTable } from "./governed-table.ts";
import type { OutboxStore } from "./outbox-store.ts";
import type { GovernanceSql } from "./sql.ts";

/**
 * Fault injection for tests and drills: each hook runs just before its step, and a throw is that
 * step failing. `afterSilver` runs once silver has committed and before anything else happens;
 * a throw there stands for the process dying between sinks (nothing after it runs).
 */
export interface GovernanceFaults {
  silver?: () => void | Promise<void>;
  lakebase?: () => void | Promise<void>;
  bronze?: () => void | Promise<void>;
  afterSilver?: () => void | Promise<void>;
}

/** What the writer, the outbox drain and reconcile share. */
export interface GovernanceContext {
  lakehouse: Lakehouse;
  lakebase: GovernanceSql;
  outbox: OutboxStore;
  /** The outbox is in the Lakebase database: a write settles it inside its Lakebase transaction. */
  outboxInLakebase: boolean;
  tables: Map<string, GovernedTable>;
  faults: GovernanceFaults;
  backoff: { baseMs: number; maxMs: number };
  /**
   * Bronze behind silver (see BronzeBehind): events are appended `delayMs` after their write and
   * fall due for the outbox drain `dueMs` after it, should this process stop first.
   */
  bronzeBehind: { delayMs: number; dueMs: number };
  /** One queue per governed table: versions are read and assigned with no other write in between. */
  queues: Map<string, SerialQueue>;
}

/** The queue that serializes work on one governed table in this process. */
export function tableQueue(ctx: GovernanceContext, table: GovernedTable): SerialQueue {
  let queue = ctx.queues.get(table.id);
  if (!queue) {
    queue = new SerialQueue();
    ctx.queues.set(table.id, queue);
  }
  return queue;
}

/** The key of a row as an object of key columns, the outbox's `row_key`. */
export function rowKeyOf(table: GovernedTable, row: Record<string, unknown>): Record<string, CellValue> {
  return Object.fromEntries(table.key.map((k) => [k, (row[k] ?? null) as CellValue]));
}

/** A stable string for a key, for maps and messages. */
export const keyId = (table: GovernedTable, row: Record<string, unknown>) =>
  JSON.stringify(table.key.map((k) => row[k] ?? null));

/** A predicate matching any of the given keys. */
export function keysPredicate(table: GovernedTable, keys: readonly Record<string, unknown>[]): Predicate {
  const [only] = table.key;
  if (table.key.length === 1 && only) {
    return { column: only, op: "in", values: keys.map((k) => k[only] as string | number | boolean) };
  }
  return {
    or: keys.map((k) => ({
      and: table.key.map((c) => ({ column: c, op: "=" as const, value: k[c] as string | number | boolean })),
    })),
  };
}

/** Current silver rows for the keys, by key id; read in chunks so predicates stay small. */
export async function silverRows(
  ctx: GovernanceContext,
  table: GovernedTable,
  keys: readonly Record<string, unknown>[],
  columns?: string[],
): Promise<Map<string, Row>> {
  const out = new Map<string, Row>();
  for (let i = 0; i < keys.length; i += 500) {
    const chunk = keys.slice(i, i + 500);
    const rows = await ctx.lakehouse.read(table.silver, {
      where: keysPredicate(table, chunk),
      ...(columns ? { columns } : {}),
    });
    for (const r of rows) out.set(keyId(table, r), r);
  }
  return out;
}

/** A silver row without the writer's bookkeeping column. */
export function withoutEventId(row: Row): Row {
  const { [EVENT_ID_COLUMN]: _, ...rest } = row;
  return rest;
}
