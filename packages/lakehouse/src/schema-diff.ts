import { parseTableDeclaration, type TableDeclaration } from "./column-types.ts";
import type { TableDescription } from "./lakehouse.ts";

/** One way a live lakehouse table differs from its declaration. */
export type SchemaDifference =
  | { kind: "missing-table"; table: string }
  | { kind: "missing-column"; table: string; column: string; declared: string }
  | { kind: "extra-column"; table: string; column: string; live: string }
  | { kind: "type"; table: string; column: string; declared: string; live: string }
  | { kind: "nullability"; table: string; column: string; declared: string; live: string }
  | { kind: "primary-key"; table: string; declared: string; live: string };

const nullability = (nullable: boolean) => (nullable ? "NULL" : "NOT NULL");

/**
 * Compares a declaration with the live table (from `describeTable`): missing or extra columns,
 * types, nullability and the primary key. Empty when they match.
 */
export function diffLakehouseTable(
  table: string,
  declaration: TableDeclaration,
  live: TableDescription | null,
): SchemaDifference[] {
  if (!live) return [{ kind: "missing-table", table }];
  const declared = parseTableDeclaration(table, declaration);
  const liveColumns = new Map(live.columns.map((c) => [c.name.toLowerCase(), c]));
  const out: SchemaDifference[] = [];
  for (const c of declared.columns) {
    const l = liveColumns.get(c.name.toLowerCase());
    liveColumns.delete(c.name.toLowerCase());
    if (!l) {
      out.push({
        kind: "missing-column",
        table,
        column: c.name,
        declared: `${c.type} ${nullability(c.nullable)}`,
      });
      continue;
    }
    if (l.type !== c.type) out.push({ kind: "type", table, column: c.name, declared: c.type, live: l.type });
    if ((l.nullable ?? true) !== c.nullable) {
      out.push({
        kind: "nullability",
        table,
        column: c.name,
        declared: nullability(c.nullable),
        live: nullability(l.nullable ?? true),
      });
    }
  }
  for (const l of liveColumns.values())
    out.push({ kind: "extra-column", table, column: l.name, live: l.type });
  const key = (k: readonly string[]) => (k.length ? `(${k.join(", ")})` : "none");
  if (key(declared.primaryKey) !== key(live.primaryKey)) {
    out.push({ kind: "primary-key", table, declared: key(declared.primaryKey), live: key(live.primaryKey) });
  }
  return out;
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
