import type { DuckDBConnection } from "@duckdb/node-api";
import type { ChangeRow, ChangeType, ReadOptions } from "../lakehouse.ts";
import { renderPredicate } from "../predicate.ts";
import { orderByClause, selectColumns } from "../read-options.ts";
import { decodeCell, type Row, type TypedColumn } from "../values.ts";
import { duckDialect, quote, textExpression } from "./duckdb-dialect.ts";
import { META } from "./metadata.ts";

/** Decodes text rows from DuckDB into port rows. */
export function decodeRows(
  table: string,
  columns: readonly TypedColumn[],
  rows: Record<string, unknown>[],
): Row[] {
  return rows.map((r, i) => {
    const out: Row = {};
    for (const c of columns) {
      const v = r[c.name];
      out[c.name] = decodeCell(
        c.parsed,
        v === null || v === undefined ? null : String(v),
        `${table} row ${i} column ${c.name}`,
      );
    }
    return out;
  });
}

/** Reads the table as of a resolved version. */
export async function readAtVersion(
  conn: DuckDBConnection,
  table: string,
  physical: string,
  columns: readonly TypedColumn[],
  version: number,
  options: ReadOptions,
): Promise<Row[]> {
  const dialect = duckDialect();
  const chosen = selectColumns(table, columns, options.columns);
  const where = options.where ? ` AND ${renderPredicate(table, columns, options.where, dialect)}` : "";
  const limit = options.limit === undefined ? "" : ` LIMIT ${Math.max(0, Math.floor(options.limit))}`;
  dialect.values.version = String(version);
  const sql = `SELECT ${chosen.map((c) => `${textExpression(c)} AS ${quote(c.name)}`).join(", ")} FROM ${physical}
    WHERE __from_version <= CAST($version AS BIGINT) AND (__to_version IS NULL OR __to_version > CAST($version AS BIGINT))${where}${orderByClause(table, columns, options.orderBy, quote)}${limit}`;
  const reader = await conn.runAndReadAll(sql, dialect.values);
  return decodeRows(table, chosen, reader.getRowObjectsJson());
}

/**
 * The change data feed between two versions, inclusive. A row version that ended and one that
 * started in the same commit with the same row id are an update (pre- and post-image); an ending
 * alone is a delete, a start alone an insert. Ordered as Delta returns it: by version, then row.
 */
export async function readChanges(
  conn: DuckDBConnection,
  table: string,
  physical: string,
  columns: readonly TypedColumn[],
  from: number,
  to: number,
): Promise<ChangeRow[]> {
  const cols = columns.map((c) => quote(c.name)).join(", ");
  const sql = `WITH ch AS (
      SELECT ${cols}, __row_id, __to_version AS __v, 0 AS __end_first FROM ${physical} WHERE __to_version BETWEEN $from AND $to
      UNION ALL
      SELECT ${cols}, __row_id, __from_version AS __v, 1 AS __end_first FROM ${physical} WHERE __from_version BETWEEN $from AND $to
    ), paired AS (SELECT *, count(*) OVER (PARTITION BY __row_id, __v) AS __n FROM ch)
    SELECT ${columns.map((c) => `${textExpression(c, "p.")} AS ${quote(c.name)}`).join(", ")},
      CASE WHEN __end_first = 0 AND __n = 2 THEN 'update_preimage' WHEN __end_first = 0 THEN 'delete'
           WHEN __n = 2 THEN 'update_postimage' ELSE 'insert' END AS _change_type,
      p.__v AS _commit_version, c.commit_ms AS _commit_ms
    FROM paired p JOIN ${META}.commits c ON c.full_name = $name AND c.version = p.__v
    ORDER BY p.__v, p.__row_id, p.__end_first`;
  const reader = await conn.runAndReadAll(sql, { from, to, name: table });
  const raw = reader.getRowObjectsJson();
  const rows = decodeRows(table, columns, raw);
  return rows.map((row, i) => {
    const r = raw[i]!;
    return {
      ...row,
      _change_type: String(r._change_type) as ChangeType,
      _commit_version: Number(r._commit_version),
      _commit_timestamp: new Date(Number(r._commit_ms)).toISOString(),
    };
  });
}
