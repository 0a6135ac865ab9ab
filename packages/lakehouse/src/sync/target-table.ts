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

/** Postgres type of each target column (`format_type`), by column name. */
export type TargetTypes = ReadonlyMap<string, string>;

/**
 * Creates the target table from the source columns when it does not exist (as the platform does
 * with create_database_objects_if_missing); when it exists (e.g. created by migrations, with the
 * app's indexes), checks it has every source column. Returns the target's column types: rows are
 * cast to them, so a Delta STRING holding JSON lands in a `jsonb` column the migration declared.
 */
export async function ensureTargetTable(
  pool: SqlRunner,
  t: ResolvedSyncedTable,
  columns: readonly TypedColumn[],
): Promise<TargetTypes> {
  const existing = await targetTypes(pool, t);
  if (existing.size === 0) {
    const defs = columns.map(
      (c) =>
        `${pgIdent(c.name)} ${postgresType(c.parsed)}${t.primaryKey.includes(c.name) ? " NOT NULL" : ""}`,
    );
    await pool.query(`CREATE SCHEMA IF NOT EXISTS ${pgIdent(t.schema)}`);
    await pool.query(
      `CREATE TABLE IF NOT EXISTS ${targetName(t)} (${defs.join(", ")}, PRIMARY KEY (${t.primaryKey.map(pgIdent).join(", ")}))`,
    );
    return targetTypes(pool, t);
  }
  const missing = columns.filter((c) => !existing.has(c.name)).map((c) => c.name);
  if (missing.length > 0) {
    throw new LakehouseError(
      "INVALID_DECLARATION",
      `Postgres table ${t.name} lacks source column(s) ${missing.join(", ")} of ${t.source}; add them in a migration (synced tables follow only additive source changes).`,
    );
  }
  return existing;
}

async function targetTypes(pool: SqlRunner, t: ResolvedSyncedTable): Promise<Map<string, string>> {
  const { rows } = await pool.query(
    `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type FROM pg_attribute a
      WHERE a.attrelid = to_regclass($1) AND a.attnum > 0 AND NOT a.attisdropped`,
    [targetName(t)],
  );
  return new Map(rows.map((r) => [String(r.name), String(r.type)]));
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
  types: TargetTypes,
  onBatch?: (done: number) => void,
): Promise<void> {
  const names = columns.map((c) => pgIdent(c.name)).join(", ");
  const values = columns
    .map((c) => {
      const target = types.get(c.name);
      return target && target !== postgresType(c.parsed)
        ? `CAST(x.${pgIdent(c.name)} AS ${target})`
        : `x.${pgIdent(c.name)}`;
    })
    .join(", ");
  const sql = `INSERT INTO ${targetName(t)} (${names}) SELECT ${values} FROM json_to_recordset($1::json) AS x(${recordDefinition(columns)})`;
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
