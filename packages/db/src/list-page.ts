import { z } from "zod";
import type { Queryable } from "./queryable.ts";

/**
 * Lists over large tables: keyset pages (a page starts after or before the boundary row of the page
 * the reader came from, so page 40,000 costs what page 1 does, unlike OFFSET) and counts that stop
 * being exact beyond a threshold (an estimate from the planner instead of counting a million rows).
 */

/** The boundary row of a page: its sort values and unique key, each as Postgres renders it in text. */
export interface KeysetCursor {
  values: string[];
  key: string;
}

/** A further sort column, after the first and before the key. */
export interface KeysetColumn {
  /** SQL expression (whitelisted by the caller, never user input); it must not be null (wrap it in coalesce). */
  sql: string;
  /** Postgres type the boundary value is cast back to, e.g. `timestamptz`. */
  type: string;
}

/** How a list is ordered: whitelisted sort expressions, then a unique key that breaks ties. */
export interface KeysetOrder {
  /** SQL expression of the sort column (whitelisted by the caller, never user input). */
  sort: string;
  /** Postgres type the sort value is cast back to when compared, e.g. `double precision`. */
  sortType: string;
  /** Further sort columns in the same direction (a queue's priority, then due time, …). */
  thenBy?: readonly KeysetColumn[];
  /** SQL expression of the unique key (the primary key). */
  key: string;
  keyType?: string;
  dir: "asc" | "desc";
}

/** Which page of a keyset list: the first, or the one after / before a boundary row. */
export type KeysetPosition = { after: KeysetCursor } | { before: KeysetCursor } | Record<string, never>;

const MAX_CURSOR = 512;
const MAX_SORT_COLUMNS = 4;
const cursorSchema = z
  .array(z.string().max(200))
  .min(2)
  .max(MAX_SORT_COLUMNS + 1);

/** A cursor as a URL-safe token (base64url of a JSON array: the sort values, then the key). */
export function encodeCursor(cursor: KeysetCursor): string {
  return Buffer.from(JSON.stringify([...cursor.values, cursor.key]), "utf8").toString("base64url");
}

/** Reads a cursor token from a URL; null when it is not one this module wrote. */
export function decodeCursor(token: string | null | undefined): KeysetCursor | null {
  if (!token || token.length > MAX_CURSOR || !/^[A-Za-z0-9_-]+$/.test(token)) return null;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(token, "base64url").toString("utf8")));
    if (!parsed.success) return null;
    // NUL cannot reach Postgres text; a cursor holding one was not written by encodeCursor.
    if (parsed.data.some((part) => part.includes("\0"))) return null;
    return { values: parsed.data.slice(0, -1), key: parsed.data.at(-1) as string };
  } catch {
    return null;
  }
}

/**
 * The position a list request asks for, from its `after` / `before` cursor tokens (after wins). A
 * token whose number of sort values is not the order's (one sort column when no order is given)
 * asks for the first page: it was written for another order.
 */
export function keysetPosition(
  tokens: { after?: string | null; before?: string | null },
  order?: Pick<KeysetOrder, "thenBy">,
): KeysetPosition {
  const sortColumns = 1 + (order?.thenBy?.length ?? 0);
  const fits = (cursor: KeysetCursor | null) => (cursor?.values.length === sortColumns ? cursor : null);
  const after = fits(decodeCursor(tokens.after));
  if (after) return { after };
  const before = fits(decodeCursor(tokens.before));
  return before ? { before } : {};
}

/**
 * SQL parts of one keyset page: `select` adds the boundary columns the page's cursors are read from,
 * `where` (or null on the first page) bounds the rows, `orderBy` and `limit` (one row more than a
 * page, to learn whether another page follows). `bind` is the query's parameter binder.
 */
export function keysetQuery(
  order: KeysetOrder,
  position: KeysetPosition,
  pageSize: number,
  bind: (value: unknown) => string,
): { select: string; where: string | null; orderBy: string; limit: string } {
  const backwards = "before" in position;
  // Walking back reads the rows before the boundary in reverse order; keysetPage puts them right.
  const dir = backwards ? (order.dir === "asc" ? "desc" : "asc") : order.dir;
  const columns: KeysetColumn[] = [{ sql: order.sort, type: order.sortType }, ...(order.thenBy ?? [])];
  const cursor = "after" in position ? position.after : "before" in position ? position.before : null;
  let where: string | null = null;
  if (cursor && cursor.values.length === columns.length) {
    // A row comparison, so one btree index on (sort…, key) serves it; rows equal in sort are ordered by key.
    const op = dir === "asc" ? ">" : "<";
    const bounds = columns.map((c, i) => `${bind(cursor.values[i])}::${c.type}`);
    where = `(${columns.map((c) => c.sql).join(", ")}, ${order.key}) ${op} (${bounds.join(", ")}, ${bind(cursor.key)}::${order.keyType ?? "text"})`;
  }
  return {
    select: `json_build_array(${columns.map((c) => `(${c.sql})::text`).join(", ")})::text as keyset_value, (${order.key})::text as keyset_key`,
    where,
    orderBy: [...columns.map((c) => `${c.sql} ${dir}`), `${order.key} ${dir}`].join(", "),
    limit: bind(pageSize + 1),
  };
}

/** One page of a keyset list and the cursor tokens of its neighbours (null when there is none). */
export interface KeysetPage<R> {
  rows: R[];
  next: string | null;
  prev: string | null;
}

type BoundaryRow = { keyset_value: unknown; keyset_key: unknown };

/** Turns the rows of a `keysetQuery` (up to pageSize + 1) into the page and its neighbours' cursors. */
export function keysetPage<R extends BoundaryRow>(
  rows: readonly R[],
  position: KeysetPosition,
  pageSize: number,
): KeysetPage<R> {
  const more = rows.length > pageSize;
  const page = rows.slice(0, pageSize);
  const backwards = "before" in position;
  if (backwards) page.reverse();
  const cursorAt = (row: R | undefined) =>
    row ? encodeCursor({ values: sortValuesOf(row.keyset_value), key: String(row.keyset_key) }) : null;
  const first = !("after" in position) && !backwards;
  return {
    rows: page,
    // Forwards, a next page exists when a row beyond this page was read; backwards, the page we came from.
    next: backwards || more ? cursorAt(page.at(-1)) : null,
    prev: first ? null : backwards && !more ? null : cursorAt(page[0]),
  };
}

/** The sort values `keysetQuery` selected as one JSON array of their text forms. */
function sortValuesOf(selected: unknown): string[] {
  const parsed = typeof selected === "string" ? (JSON.parse(selected) as unknown) : selected;
  return Array.isArray(parsed) ? parsed.map(String) : [String(parsed)];
}

/**
 * How far a list counts exactly by default. Counting reads up to this many matching rows plus one
 * on every page view; beyond, a person reads "about N" just as well, so a list says the estimate.
 */
export const COUNT_EXACT_UP_TO = 1_000;

/** A row count, exact up to a threshold and the planner's estimate beyond it. */
export interface ListCount {
  total: number;
  estimated: boolean;
}

/**
 * Counts the rows of `from` (a `from … where …` clause with its parameters) exactly up to `exactUpTo`
 * (COUNT_EXACT_UP_TO unless given),
 * reading at most that many rows plus one; beyond that, returns the planner's row estimate (never
 * less than the threshold), which a page shows as "about N".
 */
export async function countRows(
  db: Queryable,
  from: string,
  values: readonly unknown[],
  options: { exactUpTo?: number } = {},
): Promise<ListCount> {
  const cap = (options.exactUpTo ?? COUNT_EXACT_UP_TO) + 1;
  const counted = await db.query<{ n: string }>(
    `select count(*)::text as n from (select 1 ${from} limit ${cap}) capped`,
    [...values],
  );
  const exact = Number(counted.rows[0]?.n ?? 0);
  if (exact < cap) return { total: exact, estimated: false };
  const plan = await db.query<{ "QUERY PLAN": unknown }>(`explain (format json) select 1 ${from}`, [
    ...values,
  ]);
  const planRows = planRowsOf(plan.rows[0]?.["QUERY PLAN"]);
  return { total: Math.max(cap, Math.round(planRows)), estimated: true };
}

/** The top node's "Plan Rows" of an `explain (format json)` answer (pg parses it; PGlite may hand text). */
function planRowsOf(plan: unknown): number {
  const parsed = typeof plan === "string" ? (JSON.parse(plan) as unknown) : plan;
  const top = Array.isArray(parsed) ? (parsed[0] as { Plan?: { "Plan Rows"?: unknown } }) : undefined;
  const rows = Number(top?.Plan?.["Plan Rows"]);
  return Number.isFinite(rows) ? rows : 0;
}
