import { parseTableDeclaration, type TableDeclaration } from "../column-types.ts";
import { parseTableName } from "../table-name.ts";
import { ident, stringLiteral } from "./databricks-sql-text.ts";

/** Qualified, quoted Databricks name of a table: `catalog`.`schema`.`table`. */
export function qualifiedName(table: string): string {
  const n = parseTableName(table);
  return `${ident(n.catalog)}.${ident(n.schema)}.${ident(n.table)}`;
}

export interface DeltaDdlOptions {
  ifNotExists?: boolean;
  /** Extra table properties; change data feed is always on, because synced tables in TRIGGERED and CONTINUOUS mode need it. */
  properties?: Record<string, string>;
}

/**
 * `CREATE TABLE … USING DELTA` in Databricks SQL from a column declaration: NOT NULL columns, an
 * informational PRIMARY KEY constraint, comments, and change data feed enabled.
 */
export function deltaCreateTable(
  table: string,
  declaration: TableDeclaration,
  options: DeltaDdlOptions = {},
): string {
  const name = parseTableName(table);
  const shape = parseTableDeclaration(name.full, declaration);
  const lines = shape.columns.map((c) => {
    const comment = c.comment ? ` COMMENT ${stringLiteral(c.comment)}` : "";
    return `  ${ident(c.name)} ${c.type}${c.nullable ? "" : " NOT NULL"}${comment}`;
  });
  if (shape.primaryKey.length > 0) {
    lines.push(
      `  CONSTRAINT ${ident(`${name.table}_pk`)} PRIMARY KEY (${shape.primaryKey.map(ident).join(", ")})`,
    );
  }
  const properties = { "delta.enableChangeDataFeed": "true", ...options.properties };
  const props = Object.entries(properties)
    .map(([k, v]) => `  ${stringLiteral(k)} = ${stringLiteral(v)}`)
    .join(",\n");
  return [
    `CREATE TABLE ${options.ifNotExists ? "IF NOT EXISTS " : ""}${qualifiedName(name.full)} (`,
    lines.join(",\n"),
    ")",
    "USING DELTA",
    ...(shape.comment ? [`COMMENT ${stringLiteral(shape.comment)}`] : []),
    `TBLPROPERTIES (\n${props}\n)`,
  ].join("\n");
}
