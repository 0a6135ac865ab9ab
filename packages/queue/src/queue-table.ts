import type { Queryable } from "@appbase/db";
import { getTableColumns, getTableName, type Table } from "drizzle-orm";
import { getTableConfig, type PgColumn, type PgTable } from "drizzle-orm/pg-core";

export type { Queryable };

/** The columns every queue table has (declared with `queueColumns()` or by hand with these names). */
const REQUIRED = [
  "id",
  "status",
  "claimed_by",
  "claimed_at",
  "lease_expires_at",
  "version",
  "created_at",
  "updated_at",
];

export interface QueueSpec<TItem> {
  /** The kit's own drizzle table; its columns named in REQUIRED are the queue's. */
  table: PgTable;
  /** Status of an item waiting to be claimed, of a claimed one, and the statuses that end an item. */
  statuses: { open: string; claimed: string; closed: readonly string[] };
  /** Claim order, most urgent first: columns of the table, each optionally `desc`. */
  claimOrder: readonly (PgColumn | { desc: PgColumn })[];
  /** A repeated signal with the same key adds to the open item (`duplicate_count`, `last_seen_at` when present). */
  dedupKey?: PgColumn;
  /** `open`: the key is unique among unclosed items, so a signal after closing opens a new item; `always`: unique forever. */
  dedupScope?: "open" | "always";
  /** Seconds from creation to the SLA due time (`due_at`), unless an item brings its own. */
  slaSeconds?: number;
  /** How a refusal describes a closed item (e.g. "already decided (approve) by rita"); a generic sentence otherwise. */
  closedMessage?: (item: TItem) => string;
  /** Maps a whole row (`select *`) to the kit's item type. */
  toItem: (row: Record<string, unknown>) => TItem;
}

/** A spec with its SQL pieces derived once: table name, optional columns present, predicates. */
export interface ResolvedQueue<TItem> {
  spec: QueueSpec<TItem>;
  table: string;
  has: { dueAt: boolean; snooze: boolean; duplicateCount: boolean; lastSeenAt: boolean; closedAt: boolean };
  /** Every column name of the table, so callers' column maps can be checked. */
  columns: ReadonlySet<string>;
  dedupColumn: string | undefined;
  orderBy: string;
  /** `status in (...)` for items not yet closed. */
  unclosed: (alias?: string) => string;
  /** Waiting, or claimed with a lapsed lease, and not snoozed: what a claimer may take. */
  claimable: (alias?: string) => string;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;
const STATUS = /^[a-z][a-z0-9_-]*$/;

function quoteStatus(value: string): string {
  if (!STATUS.test(value)) throw new Error(`Queue status "${value}" must match ${STATUS}.`);
  return `'${value}'`;
}

/** Checks the table against the queue's column contract and derives the SQL the operations share. */
export function resolveQueue<TItem>(spec: QueueSpec<TItem>): ResolvedQueue<TItem> {
  const config = getTableConfig(spec.table);
  const names = new Set(Object.values(getTableColumns(spec.table as Table)).map((c) => c.name));
  const missing = REQUIRED.filter((name) => !names.has(name));
  const tableName = getTableName(spec.table as Table);
  if (missing.length > 0) {
    throw new Error(
      `Queue table ${tableName} lacks the column(s) ${missing.join(", ")}; declare them with queueColumns().`,
    );
  }
  for (const name of [config.schema ?? "public", tableName, ...names]) {
    if (!IDENTIFIER.test(name)) throw new Error(`Queue identifier "${name}" must match ${IDENTIFIER}.`);
  }
  const has = {
    dueAt: names.has("due_at"),
    snooze: names.has("snoozed_until") && names.has("snooze_reason"),
    duplicateCount: names.has("duplicate_count"),
    lastSeenAt: names.has("last_seen_at"),
    closedAt: names.has("closed_at") && names.has("closed_by"),
  };
  if (spec.slaSeconds !== undefined && !has.dueAt)
    throw new Error(`Queue table ${tableName} needs due_at for an SLA.`);
  const open = quoteStatus(spec.statuses.open);
  const claimed = quoteStatus(spec.statuses.claimed);
  const unclosedList = [open, claimed].join(", ");
  spec.statuses.closed.forEach(quoteStatus);
  const col = (alias: string | undefined, name: string) => (alias ? `${alias}.${name}` : name);
  return {
    spec,
    table: `${config.schema ?? "public"}.${tableName}`,
    has,
    columns: names,
    dedupColumn: spec.dedupKey?.name,
    orderBy: spec.claimOrder.map((o) => ("desc" in o ? `${o.desc.name} desc` : o.name)).join(", "),
    unclosed: (alias) => `${col(alias, "status")} in (${unclosedList})`,
    claimable: (alias) =>
      `(${col(alias, "status")} = ${open} or (${col(alias, "status")} = ${claimed} and ${col(alias, "lease_expires_at")} < now()))` +
      (has.snooze
        ? ` and (${col(alias, "snoozed_until")} is null or ${col(alias, "snoozed_until")} <= now())`
        : ""),
  };
}
