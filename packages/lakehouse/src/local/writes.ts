import type { DuckDBConnection } from "@duckdb/node-api";
import { LakehouseError } from "../errors.ts";
import { type Predicate, renderPredicate } from "../predicate.ts";
import type { TypedColumn } from "../values.ts";
import { duckDialect, quote } from "./duckdb-dialect.ts";

/** What a write step needs: the connection, the table, and the version being committed. */
export interface WriteContext {
  conn: DuckDBConnection;
  table: string;
  physical: string;
  columns: readonly TypedColumn[];
  version: number;
}

const CURRENT = "__to_version IS NULL";

async function nextRowIdBase(ctx: WriteContext): Promise<number> {
  const reader = await ctx.conn.runAndReadAll(`SELECT coalesce(max(__row_id), 0) AS m FROM ${ctx.physical}`);
  return Number(reader.getRowObjectsJson()[0]?.m ?? 0);
}

/** Inserts staged rows as new rows (new row ids) starting at this version; returns the count. */
export async function insertStaged(ctx: WriteContext, typedSelect: string, filter = ""): Promise<number> {
  const base = await nextRowIdBase(ctx);
  const cols = ctx.columns.map((c) => quote(c.name)).join(", ");
  const result = await ctx.conn.run(
    `INSERT INTO ${ctx.physical} (${cols}, __row_id, __from_version, __to_version)
     SELECT ${cols}, $base + row_number() OVER (ORDER BY __src_idx), $version, NULL FROM (${typedSelect}) src ${filter}`,
    { base, version: ctx.version },
  );
  return result.rowsChanged;
}

/** Ends the current rows matching a predicate (all current rows when none) at this version; returns the count. */
export async function endMatching(ctx: WriteContext, where?: Predicate): Promise<number> {
  const dialect = duckDialect();
  const clause = where ? ` AND ${renderPredicate(ctx.table, ctx.columns, where, dialect)}` : "";
  dialect.values.version = String(ctx.version);
  const result = await ctx.conn.run(
    `UPDATE ${ctx.physical} SET __to_version = CAST($version AS BIGINT) WHERE ${CURRENT}${clause}`,
    dialect.values,
  );
  return result.rowsChanged;
}

/** Fails with DELTA_REPLACE_WHERE_MISMATCH when a staged row does not satisfy the replaceWhere predicate. */
export async function checkReplaceWhere(
  ctx: WriteContext,
  typedSelect: string,
  where: Predicate,
): Promise<void> {
  const dialect = duckDialect();
  const clause = renderPredicate(ctx.table, ctx.columns, where, dialect);
  const reader = await ctx.conn.runAndReadAll(
    `SELECT __src_idx FROM (${typedSelect}) src WHERE (${clause}) IS NOT TRUE ORDER BY __src_idx LIMIT 1`,
    dialect.values,
  );
  const bad = reader.getRowObjectsJson()[0];
  if (bad) {
    throw new LakehouseError(
      "DELTA_REPLACE_WHERE_MISMATCH",
      `${ctx.table}: rows[${Number(bad.__src_idx)}] does not match the replaceWhere predicate; every written row must satisfy it (nothing was written).`,
    );
  }
}

/**
 * Upsert by key. Matched current rows are ended and their new image inserted under the same row id
 * (so the change feed reports an update); unmatched source rows become new rows. A NULL key never
 * matches, as in MERGE's ON clause.
 */
export async function mergeStaged(
  ctx: WriteContext,
  typedSelect: string,
  keys: readonly string[],
): Promise<{ updated: number; inserted: number }> {
  const on = (target: string) => keys.map((k) => `${target}.${quote(k)} = src.${quote(k)}`).join(" AND ");
  const cols = ctx.columns.map((c) => quote(c.name)).join(", ");
  const srcCols = ctx.columns.map((c) => `src.${quote(c.name)}`).join(", ");
  const params = { version: ctx.version };
  const ended = await ctx.conn.run(
    `UPDATE ${ctx.physical} AS t SET __to_version = $version FROM (${typedSelect}) src WHERE t.${CURRENT} AND ${on("t")}`,
    params,
  );
  await ctx.conn.run(
    `INSERT INTO ${ctx.physical} (${cols}, __row_id, __from_version, __to_version)
     SELECT ${srcCols}, t.__row_id, $version, NULL FROM (${typedSelect}) src JOIN ${ctx.physical} t ON ${on("t")} AND t.__to_version = $version`,
    params,
  );
  const inserted = await insertStaged(
    ctx,
    typedSelect,
    `WHERE NOT EXISTS (SELECT 1 FROM ${ctx.physical} t WHERE t.__from_version = ${ctx.version} AND ${on("t")})`,
  );
  return { updated: ended.rowsChanged, inserted };
}
