import { getTableColumns, type InferSelectModel, type Table } from "drizzle-orm";

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
    out[field] = row[column.name];
  }
  return out as InferSelectModel<T>;
}
