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
 * A predicate selecting the rows whose key sorts after `key` (a tuple of the key's values, in key
 * order) and has no NULL part: a keyset page's start, in the order ORDER BY <key columns> sorts.
 */
export function keysAfter(
  key: readonly (string | number | boolean)[],
  primaryKey: readonly string[],
): Predicate {
  const after: Predicate[] = primaryKey.map((column, i) => ({
    and: [
      ...primaryKey.slice(0, i).map((c, j) => ({ column: c, op: "=" as const, value: key[j]! })),
      { column, op: ">" as const, value: key[i]! },
    ],
  }));
  return { and: [...keysNotNull(primaryKey), { or: after }] };
}

/** A predicate selecting the rows with no NULL in a key column (the rows a synced table serves). */
export function keysNotNull(primaryKey: readonly string[]): Predicate[] {
  return primaryKey.map((column) => ({ column, op: "is not null" as const }));
}
