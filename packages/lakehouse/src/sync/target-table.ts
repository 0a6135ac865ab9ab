import type { Pool, PoolClient } from "pg";
import { LakehouseError } from "../errors.ts";
import type { Row, TypedColumn } from "../values.ts";
import type { ResolvedSyncedTable } from "./declaration.ts";
import { pgIdent, postgresType } from "./postgres-types.ts";

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
  pool: Pool,
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
  const present = new Set(rows.map((r: { column_name: string }) => r.column_name));
  const missing = columns.filter((c) => !present.has(c.name)).map((c) => c.name);
  if (missing.length > 0) {
    throw new LakehouseError(
      "INVALID_DECLARATION",
      `Postgres table ${t.name} lacks source column(s) ${missing.join(", ")} of ${t.source}; add them in a migration (synced tables follow only additive source changes).`,
    );
  }
}

function text(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === "string" ? value : String(value);
}

/**
 * Inserts rows with one statement per batch: each column travels as one text[] parameter and is
 * unnested and cast server-side. Far faster than row-by-row INSERTs, and unlike COPY it is safe
 * over pglite-socket.
 */
export async function insertRows(
  client: PoolClient,
  t: ResolvedSyncedTable,
  columns: readonly TypedColumn[],
  rows: readonly Row[],
  onBatch?: (done: number) => void,
): Promise<void> {
  const names = columns.map((c) => pgIdent(c.name)).join(", ");
  const casts = columns.map((c, i) => `u.c${i}::${postgresType(c.parsed)}`).join(", ");
  const unnest = columns.map((_, i) => `$${i + 1}::text[]`).join(", ");
  const aliases = columns.map((_, i) => `c${i}`).join(", ");
  const sql = `INSERT INTO ${targetName(t)} (${names}) SELECT ${casts} FROM unnest(${unnest}) AS u(${aliases})`;
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH);
    await client.query(
      sql,
      columns.map((c) => batch.map((r) => text(r[c.name]))),
    );
    onBatch?.(Math.min(start + BATCH, rows.length));
  }
}

/** Deletes the rows with the given keys (JSON tuples from keyOf). */
export async function deleteKeys(
  client: PoolClient,
  t: ResolvedSyncedTable,
  keyColumns: readonly TypedColumn[],
  keys: readonly string[],
): Promise<void> {
  const on = keyColumns
    .map((c, i) => `t.${pgIdent(c.name)} = k.c${i}::${postgresType(c.parsed)}`)
    .join(" AND ");
  const unnest = keyColumns.map((_, i) => `$${i + 1}::text[]`).join(", ");
  const aliases = keyColumns.map((_, i) => `c${i}`).join(", ");
  const sql = `DELETE FROM ${targetName(t)} AS t USING unnest(${unnest}) AS k(${aliases}) WHERE ${on}`;
  for (let start = 0; start < keys.length; start += BATCH) {
    const tuples = keys.slice(start, start + BATCH).map((k) => JSON.parse(k) as unknown[]);
    await client.query(
      sql,
      keyColumns.map((_, i) => tuples.map((tuple) => text(tuple[i]))),
    );
  }
}
