/** One way a live table differs from its declaration. */
export type SchemaDifference =
  | { kind: "missing-table"; table: string }
  | { kind: "missing-column"; table: string; column: string; declared: string }
  | { kind: "extra-column"; table: string; column: string; live: string }
  | { kind: "type"; table: string; column: string; declared: string; live: string }
  | { kind: "nullability"; table: string; column: string; declared: string; live: string }
  | { kind: "primary-key"; table: string; declared: string; live: string };

/** A table's shape on either side, with types already in one engine's canonical spelling. */
export interface DiffableTable {
  columns: readonly { name: string; type: string; nullable: boolean }[];
  primaryKey: readonly string[];
}

const nullability = (nullable: boolean) => (nullable ? "NULL" : "NOT NULL");
const keyText = (k: readonly string[]) => (k.length ? `(${k.join(", ")})` : "none");

/**
 * The one schema-diff algorithm: missing or extra columns, types, nullability and the primary key
 * of `live` against `declared`. Empty when they match. `sameName` folds column names (the
 * lakehouse is case-insensitive, Postgres is not).
 */
export function diffTableShape(
  table: string,
  declared: DiffableTable,
  live: DiffableTable | null | undefined,
  sameName: (name: string) => string = (name) => name,
): SchemaDifference[] {
  if (!live) return [{ kind: "missing-table", table }];
  const liveColumns = new Map(live.columns.map((c) => [sameName(c.name), c]));
  const out: SchemaDifference[] = [];
  for (const c of declared.columns) {
    const l = liveColumns.get(sameName(c.name));
    liveColumns.delete(sameName(c.name));
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
      const [d, v] = [nullability(c.nullable), nullability(l.nullable)];
      out.push({ kind: "nullability", table, column: c.name, declared: d, live: v });
    }
  }
  for (const l of liveColumns.values())
    out.push({ kind: "extra-column", table, column: l.name, live: l.type });
  if (keyText(declared.primaryKey) !== keyText(live.primaryKey)) {
    const [d, v] = [keyText(declared.primaryKey), keyText(live.primaryKey)];
    out.push({ kind: "primary-key", table, declared: d, live: v });
  }
  return out;
}
