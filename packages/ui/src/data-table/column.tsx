import type { ReactNode } from "react";
import { formatTimestamp } from "../internal/time.ts";

/** One table column. `key` names the sort parameter and, without `render`, the row field shown. */
export type Column<Row> = {
  key: string;
  header: ReactNode;
  /** Defaults to whether the table spec lists `key` as sortable; `false` turns sorting off for this column. */
  sortable?: boolean;
  align?: "left" | "right" | "center";
  /** CSS width, e.g. "8rem" or "20%". */
  width?: string;
  render?: (row: Row) => ReactNode;
};

const numberFormat = new Intl.NumberFormat("en-US");

/** The cell content for a column without `render`: numbers grouped, dates in UTC, missing as an em dash. */
export function defaultCell(row: unknown, key: string): ReactNode {
  const value = typeof row === "object" && row !== null ? (row as Record<string, unknown>)[key] : undefined;
  if (value === null || value === undefined || value === "") return <span className="ab-muted">—</span>;
  if (typeof value === "number") return numberFormat.format(value);
  if (value instanceof Date) return formatTimestamp(value);
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "string" || typeof value === "bigint") return String(value);
  return JSON.stringify(value);
}
