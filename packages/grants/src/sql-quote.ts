/** Quotes a Postgres identifier (role, schema, table, column), doubling embedded quotes. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Quotes a Postgres string literal, doubling embedded single quotes. */
export function quoteLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** Quotes a Unity Catalog identifier or principal with backticks, as Databricks SQL requires for names with special characters. */
export function quoteBacktick(name: string): string {
  return `\`${name.replaceAll("`", "``")}\``;
}
