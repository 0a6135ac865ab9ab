import { parseTableDeclaration, type TableDeclaration } from "./column-types.ts";
import type { TableDescription } from "./lakehouse.ts";
import { diffTableShape, type SchemaDifference } from "./schema-diff/table-diff.ts";

export type { SchemaDifference };

/**
 * Compares a declaration with the live table (from `describeTable`): missing or extra columns,
 * types, nullability and the primary key. Empty when they match.
 */
export function diffLakehouseTable(
  table: string,
  declaration: TableDeclaration,
  live: TableDescription | null,
): SchemaDifference[] {
  const liveShape = live && {
    columns: live.columns.map((c) => ({ name: c.name, type: c.type, nullable: c.nullable ?? true })),
    primaryKey: live.primaryKey,
  };
  return diffTableShape(table, parseTableDeclaration(table, declaration), liveShape, (name) =>
    name.toLowerCase(),
  );
}

/** One readable line per difference, saying which side has what. */
export function formatSchemaDifference(d: SchemaDifference): string {
  switch (d.kind) {
    case "missing-table":
      return `${d.table}: declared, but the lakehouse has no such table`;
    case "missing-column":
      return `${d.table}.${d.column}: declared ${d.declared}, missing in the lakehouse`;
    case "extra-column":
      return `${d.table}.${d.column}: in the lakehouse (${d.live}), not declared`;
    case "type":
      return `${d.table}.${d.column}: type declared ${d.declared}, lakehouse has ${d.live}`;
    case "nullability":
      return `${d.table}.${d.column}: declared ${d.declared}, lakehouse has ${d.live}`;
    case "primary-key":
      return `${d.table}: primary key declared ${d.declared}, lakehouse has ${d.live}`;
  }
}
