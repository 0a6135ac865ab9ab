import { LakehouseError } from "../errors.ts";
import type { Row, TypedColumn } from "../values.ts";
import type { ResolvedSyncedTable } from "./declaration.ts";
import { pgIdent, postgresType } from "./postgres-types.ts";
import type { SqlRunner } from "./sync-postgres.ts";

const BATCH = 5000;

/** The quoted Postgres name of a synced table. */
export function targetName(t: ResolvedSyncedTable): string {
  return `${pgIdent(t.schema)}.${pgIdent(t.table)}`;
}

/**
 * Creates the target table from the source columns when it does not exist (as the platform does
 * with create_database_objects_if_missing); when it exists (e.g. created by migrations, with the
 * app's indexes), checks it has every source column.
 */
export async function ensureTargetTable(
  pool: SqlRunner,
  t: ResolvedSyncedTable,
  columns: readonly TypedColumn[],
): Promise<void> {
  const { rows } = await pool.query(
    "SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2",
    [t.schema, t.table],
  );
  if (rows.length === 0) {
    const defs = columns.map(
      (c) =>
        `${pgIdent(c.name)} ${postgresType(c.parsed)}${t.primaryKey.includes(c.name) ? " NOT NULL" : ""}`,
    );
    await pool.query(`CREATE SCHEMA IF NOT EXISTS ${pgIdent(t.schema)}`);
    await pool.query(
      `CREATE TABLE IF NOT EXISTS ${targetName(t)} (${defs.join(", ")}, PRIMARY KEY (${t.primaryKey.map(pgIdent).join(", ")}))`,
    );
    return;
  }
  const present = new Set(rows.map((r) => String(r.column_name)));
  const missing = columns.filter((c) => !present.has(c.name)).map((c) => c.name);
  if (missing.length > 0) {
    throw new LakehouseError(
      "INVALID_DECLARATION",
      `Postgres table ${t.name} lacks source column(s) ${missing.join(", ")} of ${t.source}; add them in a migration (synced tables follow only additive source changes).`,
    );
  }
}

/** `json_to_recordset` column definitions: the JSON rows' fields and their Postgres types. */
function recordDefinition(columns: readonly TypedColumn[]): string {
  return columns.map((c) => `${pgIdent(c.name)} ${postgresType(c.parsed)}`).join(", ");
}

/**
 * Inserts rows with one statement per batch: the batch travels as one JSON parameter and
 * json_to_recordset types it server-side. Measured here against unnest(text[]…) batches it is
 * 15–30% faster (JSON.stringify is native; pg escapes array elements one by one), and unlike
 * COPY it is safe over pglite-socket.
 */
export async function insertRows(
  client: SqlRunner,
  t: ResolvedSyncedTable,
  columns: readonly TypedColumn[],
  rows: readonly Row[],
  onBatch?: (done: number) => void,
): Promise<void> {
  const names = columns.map((c) => pgIdent(c.name)).join(", ");
  const sql = `INSERT INTO ${targetName(t)} (${names}) SELECT ${names} FROM json_to_recordset($1::json) AS x(${recordDefinition(columns)})`;
  for (let start = 0; start < rows.length; start += BATCH) {
    await client.query(sql, [JSON.stringify(rows.slice(start, start + BATCH))]);
    onBatch?.(Math.min(start + BATCH, rows.length));
  }
}

/** Deletes the rows with the given keys (JSON tuples from keyOf). */
export async function deleteKeys(
  client: SqlRunner,
  t: ResolvedSyncedTable,
  keyColumns: readonly TypedColumn[],
  keys: readonly string[],
): Promise<void> {
  const on = keyColumns.map((c) => `t.${pgIdent(c.name)} = k.${pgIdent(c.name)}`).join(" AND ");
  const sql = `DELETE FROM ${targetName(t)} AS t USING json_to_recordset($1::json) AS k(${recordDefinition(keyColumns)}) WHERE ${on}`;
  for (let start = 0; start < keys.length; start += BATCH) {
    const batch = keys.slice(start, start + BATCH).map((k) => {
      const tuple = JSON.parse(k) as unknown[];
      return Object.fromEntries(keyColumns.map((c, i) => [c.name, tuple[i]]));
    });
    await client.query(sql, [JSON.stringify(batch)]);
  }
}
