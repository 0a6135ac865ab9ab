/** Quotes a Databricks SQL identifier with backticks. */
export function ident(name: string): string {
  return `\`${name.replaceAll("`", "``")}\``;
}

/**
 * A Databricks SQL string literal. Spark SQL reads '' as two adjacent literals (concatenated), not
 * an escaped quote, so quotes and backslashes are escaped with a backslash.
 */
export function stringLiteral(text: string): string {
  return `'${text.replaceAll("\\", "\\\\").replaceAll("'", "\\'")}'`;
}
