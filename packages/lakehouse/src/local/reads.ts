import type { DuckDBConnection, DuckDBResultReader } from "@duckdb/node-api";
import type { ChangeRow, ChangeType, ReadOptions } from "../lakehouse.ts";
import { renderPredicate } from "../predicate.ts";
import { limitClause, orderByClause, selectColumns } from "../read-options.ts";
import type { Row, TypedColumn } from "../values.ts";
import { duckDialect, quote } from "./duckdb-dialect.ts";
import { META } from "./metadata.ts";
import { nativeDecoder, nativeExpression } from "./native-columns.ts";

/** Builds port rows from a result whose first columns are `columns`, selected with nativeExpression. */
function decodeColumns(
  table: string,
  columns: readonly TypedColumn[],
  reader: DuckDBResultReader,
): { rows: Row[]; raw: unknown[][] } {
  const raw = reader.getColumnsJS() as unknown[][];
  const count = reader.currentRowCount;
  const decoders = columns.map((c) => nativeDecoder(c, table));
  const rows: Row[] = new Array(count);
  for (let r = 0; r < count; r++) {
    const row: Row = {};
    for (let c = 0; c < columns.length; c++) row[columns[c]!.name] = decoders[c]!(raw[c]![r]);
    rows[r] = row;
  }
  return { rows, raw };
}

const selectList = (columns: readonly TypedColumn[], source = "") =>
  columns.map((c) => `${nativeExpression(c, source)} AS ${quote(c.name)}`).join(", ");

/**
 * Reads the table as of a resolved version, or its latest (`"latest"`): the rows no commit has
 * ended, which needs no look at the commit log (commits on a file are serialized and atomic).
 */
export async function readAtVersion(
  conn: DuckDBConnection,
  table: string,
  physical: string,
  columns: readonly TypedColumn[],
  version: number | "latest",
  options: ReadOptions,
): Promise<Row[]> {
  const dialect = duckDialect();
  const chosen = selectColumns(table, columns, options.columns);
  const where = options.where ? ` AND ${renderPredicate(table, columns, options.where, dialect)}` : "";
  const limit = limitClause(options);
  let visible = "__to_version IS NULL";
  if (version !== "latest") {
    dialect.values.version = String(version);
    visible = `__from_version <= CAST($version AS BIGINT) AND (__to_version IS NULL OR __to_version > CAST($version AS BIGINT))`;
  }
  const sql = `SELECT ${selectList(chosen)} FROM ${physical}
    WHERE ${visible}${where}${orderByClause(table, columns, options.orderBy, quote)}${limit}`;
  return decodeColumns(table, chosen, await conn.runAndReadAll(sql, dialect.values)).rows;
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
    SELECT ${selectList(columns, "p.")},
      CASE WHEN __end_first = 0 AND __n = 2 THEN 'update_preimage' WHEN __end_first = 0 THEN 'delete'
           WHEN __n = 2 THEN 'update_postimage' ELSE 'insert' END AS _change_type,
      CAST(p.__v AS DOUBLE) AS _commit_version, CAST(c.commit_ms AS DOUBLE) AS _commit_ms
    FROM paired p JOIN ${META}.commits c ON c.full_name = $name AND c.version = p.__v
    ORDER BY p.__v, p.__row_id, p.__end_first`;
  const { rows, raw } = decodeColumns(
    table,
    columns,
    await conn.runAndReadAll(sql, { from, to, name: table }),
  );
  const [types, versions, stamps] = [
    raw[columns.length]!,
    raw[columns.length + 1]!,
    raw[columns.length + 2]!,
  ];
  return rows.map((row, i) => ({
    ...row,
    _change_type: types[i] as ChangeType,
    _commit_version: Number(versions[i]),
    _commit_timestamp: new Date(Number(stamps[i])).toISOString(),
  }));
}
