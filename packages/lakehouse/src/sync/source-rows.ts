import { LakehouseError } from "../errors.ts";
import type { Predicate } from "../predicate.ts";
import type { CellValue, Row } from "../values.ts";

/** A row's primary key as a comparable string, or null when any key column is NULL. */
export function keyOf(row: Row, primaryKey: readonly string[]): string | null {
  const values = primaryKey.map((k) => row[k] ?? null);
  return values.includes(null) ? null : JSON.stringify(values);
}

function newer(a: CellValue, b: CellValue): boolean {
  if (b === null) return a !== null;
  if (a === null) return false;
  if (typeof a === "number" && typeof b === "number") return a >= b;
  // ISO timestamps and dates compare correctly as text; exact decimals arrive as text too.
  if (
    typeof a === "string" &&
    typeof b === "string" &&
    /^-?\d+(\.\d+)?$/.test(a) &&
    /^-?\d+(\.\d+)?$/.test(b)
  )
    return Number(a) >= Number(b);
  return String(a) >= String(b);
}

/**
 * The rows a synced table holds for source rows: rows with a NULL key are excluded; with a
 * timeseries key the latest row per key wins; without one, a repeated key is an error (the target
 * has a primary key, and picking a winner silently would hide bad source data).
 */
export function servingRows(
  source: string,
  rows: readonly Row[],
  primaryKey: readonly string[],
  timeseriesKey?: string,
): Map<string, Row> {
  const out = new Map<string, Row>();
  for (const row of rows) {
    const key = keyOf(row, primaryKey);
    if (key === null) continue;
    const seen = out.get(key);
    if (seen && !timeseriesKey) {
      throw new LakehouseError(
        "INVALID_ROW",
        `Source ${source} has more than one row with primary key (${primaryKey.join(", ")}) = ${key}; fix the source or declare a timeseriesKey so the latest row wins.`,
      );
    }
    if (!seen || (timeseriesKey && newer(row[timeseriesKey] ?? null, seen[timeseriesKey] ?? null)))
      out.set(key, row);
  }
  return out;
}

/** A predicate selecting the given keys (as produced by keyOf). */
export function keysPredicate(keys: readonly string[], primaryKey: readonly string[]): Predicate {
  const tuples = keys.map((k) => JSON.parse(k) as (string | number | boolean)[]);
  if (primaryKey.length === 1) return { column: primaryKey[0]!, op: "in", values: tuples.map((t) => t[0]!) };
  return {
    or: tuples.map((t) => ({
      and: primaryKey.map((column, i) => ({ column, op: "=" as const, value: t[i]! })),
    })),
  };
}

/**
 * servingRows for a source read page by page in key order: rows with the same key are adjacent,
 * so only the current key's best row is held back between pages and memory stays one page.
 */
export class OrderedServingRows {
  private pending: Row | null = null;
  private pendingKey: string | null = null;

  constructor(
    private readonly source: string,
    private readonly primaryKey: readonly string[],
    private readonly timeseriesKey?: string,
  ) {}

  /** Takes the next page; returns the rows whose key is complete. */
  push(rows: readonly Row[]): Row[] {
    const out: Row[] = [];
    for (const row of rows) {
      const key = keyOf(row, this.primaryKey);
      if (key === null) continue;
      if (key === this.pendingKey && this.pending) {
        if (!this.timeseriesKey) {
          throw new LakehouseError(
            "INVALID_ROW",
            `Source ${this.source} has more than one row with primary key (${this.primaryKey.join(", ")}) = ${key}; fix the source or declare a timeseriesKey so the latest row wins.`,
          );
        }
        if (newer(row[this.timeseriesKey] ?? null, this.pending[this.timeseriesKey] ?? null))
          this.pending = row;
        continue;
      }
      if (this.pending) out.push(this.pending);
      this.pending = row;
      this.pendingKey = key;
    }
    return out;
  }

  /** Returns the last held-back row, if any. */
  flush(): Row[] {
    const last = this.pending ? [this.pending] : [];
    this.pending = null;
    this.pendingKey = null;
    return last;
  }
}
