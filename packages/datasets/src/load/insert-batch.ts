import type { Column, ColumnType, Row } from "@appbase/synthetic-data";

const arrayType: Record<ColumnType, string> = {
  text: "text[]",
  int: "int4[]",
  float: "float8[]",
  bool: "bool[]",
  timestamp: "timestamptz[]",
  date: "date[]",
  json: "jsonb[]",
};

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * One INSERT for a whole batch: each column travels as one array parameter and `unnest`
 * turns them back into rows. One parameter per column (not per value) means no 65,535
 * parameter limit and one statement to parse, which measured faster than multi-row VALUES.
 */
export function unnestInsertSql(schema: string, table: string, columns: readonly Column[]): string {
  const names = columns.map((c) => quote(c.name)).join(", ");
  const arrays = columns.map((c, i) => `$${i + 1}::${arrayType[c.type]}`).join(", ");
  return `INSERT INTO ${quote(schema)}.${quote(table)} (${names}) SELECT * FROM unnest(${arrays})`;
}

/** Column-major parameters for `unnestInsertSql`; JSON values are sent as JSON text. */
export function unnestParams(columns: readonly Column[], rows: readonly Row[]): unknown[][] {
  return columns.map((column) =>
    rows.map((row) => {
      const value = row[column.name] ?? null;
      return column.type === "json" && value !== null ? JSON.stringify(value) : value;
    }),
  );
}

/** Multi-row `VALUES` INSERT, kept to compare against `unnest` in the load benchmark. */
export function valuesInsert(
  schema: string,
  table: string,
  columns: readonly Column[],
  rows: readonly Row[],
): { text: string; values: unknown[] } {
  const values: unknown[] = [];
  const tuples = rows.map((row) => {
    const placeholders = columns.map((column) => {
      const value = row[column.name] ?? null;
      values.push(column.type === "json" && value !== null ? JSON.stringify(value) : value);
      return `$${values.length}`;
    });
    return `(${placeholders.join(", ")})`;
  });
  const names = columns.map((c) => quote(c.name)).join(", ");
  return {
    text: `INSERT INTO ${quote(schema)}.${quote(table)} (${names}) VALUES ${tuples.join(", ")}`,
    values,
  };
}
