import type { PostgresShape } from "./postgres-shape.ts";
import { canonicalPostgresType } from "./postgres-shape.ts";

/** What reading the catalog needs: one query method (a `pg.Pool` fits). */
export interface CatalogReader {
  query(sql: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

/**
 * Reads live shapes from the Postgres catalog for `schema.table` names; a missing table is absent
 * from the map. Types come from format_type (what `\d` prints), keys from the primary key index.
 */
export async function readPostgresShapes(
  db: CatalogReader,
  names: readonly string[],
): Promise<Map<string, PostgresShape>> {
  const { rows } = await db.query(
    `SELECT n.nspname || '.' || c.relname AS table_name, a.attname AS column_name,
            format_type(a.atttypid, a.atttypmod) AS type, NOT a.attnotnull AS nullable,
            COALESCE(a.attnum = ANY(i.indkey::int2[]), false) AS in_key,
            array_position(i.indkey::int2[], a.attnum) AS key_position
     FROM pg_class c
     JOIN pg_namespace n ON n.oid = c.relnamespace
     JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
     LEFT JOIN pg_index i ON i.indrelid = c.oid AND i.indisprimary
     WHERE c.relkind IN ('r', 'p') AND (n.nspname || '.' || c.relname) = ANY($1::text[])
     ORDER BY table_name, a.attnum`,
    [names],
  );
  const out = new Map<string, PostgresShape>();
  const keys = new Map<string, { name: string; position: number }[]>();
  for (const r of rows) {
    const name = String(r.table_name);
    const shape = out.get(name) ?? { name, columns: [], primaryKey: [] };
    out.set(name, shape);
    shape.columns.push({
      name: String(r.column_name),
      type: canonicalPostgresType(String(r.type)),
      nullable: Boolean(r.nullable),
    });
    if (r.in_key) {
      const list = keys.get(name) ?? [];
      list.push({ name: String(r.column_name), position: Number(r.key_position) });
      keys.set(name, list);
    }
  }
  for (const [name, list] of keys) {
    out.get(name)!.primaryKey = list.sort((a, b) => a.position - b.position).map((k) => k.name);
  }
  return out;
}
