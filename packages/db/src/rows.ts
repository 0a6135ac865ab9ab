import { type Column, getTableColumns, type InferSelectModel, type Table } from "drizzle-orm";

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * `pg` parses `date` and `timestamptz` into Dates; a column declared with `mode: "string"` is a
 * string in the drizzle row type, so it becomes one here (a `date` is parsed as local midnight, so
 * its local parts are the calendar day).
 */
function fromDriver(column: Column, value: unknown): unknown {
  if (!(value instanceof Date)) return value;
  if (column.columnType === "PgDateString") {
    return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
  }
  if (column.columnType === "PgTimestampString") return value.toISOString();
  return value;
}

/**
 * A whole row as Postgres returns it (`select *`, `returning *`: column names such as `thread_id`)
 * as the table's drizzle row type (`threadId`). The mapping comes from the drizzle declaration,
 * so no query needs a hand-written record or field-by-field mapper; a column missing from the row
 * is an error naming it (the query did not select the whole row).
 */
export function rowOf<T extends Table>(table: T, row: Record<string, unknown>): InferSelectModel<T> {
  const out: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(getTableColumns(table))) {
    if (!(column.name in row)) {
      throw new Error(`rowOf: the row has no column "${column.name}"; select the whole row (select *).`);
    }
    out[field] = fromDriver(column, row[column.name]);
  }
  return out as InferSelectModel<T>;
}
