import type { SchemaDifference } from "../schema-diff.ts";
import type { PostgresShape } from "./postgres-shape.ts";

const nullability = (nullable: boolean) => (nullable ? "NULL" : "NOT NULL");
const key = (k: readonly string[]) => (k.length ? `(${k.join(", ")})` : "none");

/** Compares a declared Postgres shape with the live one: columns, types, nullability, primary key. */
export function diffPostgresShape(
  declared: PostgresShape,
  live: PostgresShape | undefined,
): SchemaDifference[] {
  const table = declared.name;
  if (!live) return [{ kind: "missing-table", table }];
  const liveColumns = new Map(live.columns.map((c) => [c.name, c]));
  const out: SchemaDifference[] = [];
  for (const c of declared.columns) {
    const l = liveColumns.get(c.name);
    liveColumns.delete(c.name);
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
    if (l.nullable !== c.nullable) {
      out.push({
        kind: "nullability",
        table,
        column: c.name,
        declared: nullability(c.nullable),
        live: nullability(l.nullable),
      });
    }
  }
  for (const l of liveColumns.values())
    out.push({ kind: "extra-column", table, column: l.name, live: l.type });
  if (key(declared.primaryKey) !== key(live.primaryKey)) {
    out.push({ kind: "primary-key", table, declared: key(declared.primaryKey), live: key(live.primaryKey) });
  }
  return out;
}
