import { LakehouseError } from "./errors.ts";
import type { TypedColumn } from "./values.ts";

/** Picks the requested columns (all when none are named), failing on a name the table lacks. */
export function selectColumns(
  table: string,
  columns: readonly TypedColumn[],
  names?: string[],
): TypedColumn[] {
  if (!names) return [...columns];
  return names.map((n) => {
    const c = columns.find((col) => col.name === n);
    if (!c)
      throw new LakehouseError(
        "INVALID_PREDICATE",
        `${table} has no column "${n}" (columns: ${columns.map((col) => col.name).join(", ")}).`,
      );
    return c;
  });
}

/** Renders ORDER BY items ("col" or "col DESC") after checking each column exists. */
export function orderByClause(
  table: string,
  columns: readonly TypedColumn[],
  orderBy: string[] | undefined,
  ident: (n: string) => string,
): string {
  if (!orderBy?.length) return "";
  const items = orderBy.map((item) => {
    const m = /^(\w+)(?:\s+(ASC|DESC))?$/i.exec(item.trim());
    const col = m && columns.find((c) => c.name === m[1]);
    if (!m || !col)
      throw new LakehouseError(
        "INVALID_PREDICATE",
        `orderBy item "${item}" for ${table} must be a column name, optionally followed by ASC or DESC.`,
      );
    return `${ident(col.name)} ${(m[2] ?? "ASC").toUpperCase()}`;
  });
  return ` ORDER BY ${items.join(", ")}`;
}

/** LIMIT/OFFSET clause (same spelling in DuckDB and Databricks SQL); counts are floored non-negative integers. */
export function limitClause(options: { limit?: number; offset?: number }): string {
  const n = (v: number) => Math.max(0, Math.floor(v));
  const limit = options.limit === undefined ? "" : ` LIMIT ${n(options.limit)}`;
  const offset = options.offset === undefined ? "" : ` OFFSET ${n(options.offset)}`;
  return `${limit}${offset}`;
}
