import type { Column, DatasetTable, GenerateOptions, JsonValue, Row } from "./types.ts";

/** Why a value does not fit its declared column, or null when it does (test helper). */
export function columnViolation(column: Column, value: JsonValue | undefined): string | null {
  if (value === undefined) return "missing";
  if (value === null) return column.nullable ? null : "null in a NOT NULL column";
  switch (column.type) {
    case "text":
      return typeof value === "string" ? null : `expected text, got ${typeof value}`;
    case "int":
      return Number.isInteger(value) && Math.abs(value as number) < 2 ** 31
        ? null
        : `expected int, got ${value}`;
    case "float":
      return typeof value === "number" && Number.isFinite(value) ? null : `expected float, got ${value}`;
    case "bool":
      return typeof value === "boolean" ? null : `expected bool, got ${typeof value}`;
    case "timestamp":
      return typeof value === "string" && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/.test(value)
        ? null
        : `bad timestamp ${value}`;
    case "date":
      return typeof value === "string" && /^\d{4}-\d\d-\d\d$/.test(value) ? null : `bad date ${value}`;
    case "json":
      return null;
  }
}

/** Collects all rows of a table (tests only; generators themselves never buffer). */
export function collect(table: DatasetTable, options: GenerateOptions): Row[] {
  return [...table.rows(options)];
}
