import { type Column, getTableName, is, Table } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";

/** A drizzle table's schema-qualified name, e.g. `customer.customers`: the key rules are looked up by. */
export function qualifiedName(table: Table): string {
  if (!is(table, Table)) throw new Error("expected a drizzle table object");
  const schema = is(table, PgTable) ? getTableConfig(table).schema : undefined;
  return `${schema ?? "public"}.${getTableName(table)}`;
}

/** The SQL name of a drizzle column and the qualified name of its table. */
export function columnName(column: Column): { table: string; column: string } {
  return { table: qualifiedName(column.table), column: column.name };
}
