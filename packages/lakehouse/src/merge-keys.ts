import { LakehouseError } from "./errors.ts";
import type { TypedColumn } from "./values.ts";

/**
 * Resolves the merge keys and refuses source rows that repeat a key. Delta fails a MERGE when two
 * source rows match one target row; checking every duplicate up front makes both adapters fail the
 * same way, before anything is written. Rows with a NULL key never match, so they are not compared.
 */
export function checkMergeKeys(
  table: string,
  columns: readonly TypedColumn[],
  primaryKey: readonly string[],
  cells: readonly (string | null)[][],
  keys?: readonly string[],
): string[] {
  const chosen = keys?.length ? [...keys] : [...primaryKey];
  if (chosen.length === 0) {
    throw new LakehouseError(
      "INVALID_DECLARATION",
      `merge into ${table} needs keys: pass options.keys or declare a primaryKey on the table.`,
    );
  }
  const positions = chosen.map((k) => {
    const i = columns.findIndex((c) => c.name === k);
    if (i < 0) throw new LakehouseError("INVALID_PREDICATE", `merge key "${k}" is not a column of ${table}.`);
    return i;
  });
  const seen = new Map<string, number>();
  cells.forEach((row, r) => {
    const key = positions.map((p) => row[p] ?? null);
    if (key.includes(null)) return;
    const id = JSON.stringify(key);
    const first = seen.get(id);
    if (first !== undefined) {
      throw new LakehouseError(
        "DELTA_MULTIPLE_SOURCE_ROW_MATCHING_TARGET_ROW_IN_MERGE",
        `merge into ${table}: rows[${first}] and rows[${r}] have the same key (${chosen.join(", ")}) = ${id}; send each key once.`,
      );
    }
    seen.set(id, r);
  });
  return chosen;
}
