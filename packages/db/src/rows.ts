import { type Column, getTableColumns, type InferSelectModel, type Table } from "drizzle-orm";

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * `pg` parses `date` and `timestamptz` into Dates and leaves `bigint` as text; the drizzle row type
 * says what the declaration's mode wants: a string for `mode: "string"` dates (a `date` is parsed
 * as local midnight, so its local parts are the calendar day), a number for `mode: "number"` bigints.
 */
function fromDriver(column: Column, value: unknown): unknown {
  if (
    typeof value === "string" &&
    (column.columnType === "PgBigInt53" || column.columnType === "PgBigSerial53")
  ) {
    return Number(value);
  }
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
