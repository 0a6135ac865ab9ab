import type { Column, Row } from "../types.ts";

/** One JSON Lines record: keys in column order, `\n`-terminated. */
export function jsonlLine(columns: readonly Column[], row: Row): string {
  const ordered: Row = {};
  for (const column of columns) ordered[column.name] = row[column.name] ?? null;
  return `${JSON.stringify(ordered)}\n`;
}
