import type { Statement, StatementParameter } from "@appbase/databricks";
import { formatDeltaType, type ParsedType } from "../column-types.ts";
import { ident, stringLiteral } from "../ddl/databricks-sql-text.ts";
import { qualifiedName } from "../ddl/delta-ddl.ts";
import { LakehouseError } from "../errors.ts";
import type { AsOf, ReadOptions } from "../lakehouse.ts";
import { type Predicate, renderPredicate, type SqlDialect } from "../predicate.ts";
import { limitClause, orderByClause, selectColumns } from "../read-options.ts";
import { parseTableName } from "../table-name.ts";
import type { TypedColumn } from "../values.ts";

/** A dialect that collects named `:pN` parameters, typed with the column's Databricks SQL type. */
function databricksDialect(parameters: StatementParameter[]): SqlDialect {
  return {
    ident,
    param(text: string, type: ParsedType) {
      const name = `p${parameters.length + 1}`;
      parameters.push({ name, value: text, type: formatDeltaType(type) });
      return `:${name}`;
    },
  };
}

/**
 * The written rows as a query: one STRING parameter holding a JSON array of row objects, expanded
 * with inline(from_json(…)) and cast to the column types. One parameter keeps any number of rows in
 * one statement (so one commit) while the values never touch the SQL text.
 */
function rowsQuery(
  columns: readonly TypedColumn[],
  cells: readonly (string | null)[][],
  parameters: StatementParameter[],
): string {
  const json = JSON.stringify(
    cells.map((row) => Object.fromEntries(columns.map((c, i) => [c.name, row[i] ?? null]))),
  );
  parameters.push({ name: "rows", value: json, type: "STRING" });
  const struct = `ARRAY<STRUCT<${columns.map((c) => `${ident(c.name)}: STRING`).join(", ")}>>`;
  const casts = columns.map((c) => `CAST(${ident(c.name)} AS ${c.type}) AS ${ident(c.name)}`).join(", ");
  return `SELECT ${casts} FROM inline(from_json(:rows, ${stringLiteral(struct)}))`;
}

/** INSERT INTO … (append). */
export function appendStatement(
  table: string,
  columns: readonly TypedColumn[],
  cells: readonly (string | null)[][],
): Statement {
  const parameters: StatementParameter[] = [];
  const query = rowsQuery(columns, cells, parameters);
  return {
    statement: `INSERT INTO ${qualifiedName(table)} (${columns.map((c) => ident(c.name)).join(", ")}) ${query}`,
    parameters,
  };
}

/** INSERT INTO … REPLACE WHERE: Delta deletes the matching rows and checks the new rows match. */
export function replaceWhereStatement(
  table: string,
  columns: readonly TypedColumn[],
  where: Predicate,
  cells: readonly (string | null)[][],
): Statement {
  const parameters: StatementParameter[] = [];
  const predicate = renderPredicate(table, columns, where, databricksDialect(parameters));
  const query = rowsQuery(columns, cells, parameters);
  return { statement: `INSERT INTO ${qualifiedName(table)} REPLACE WHERE ${predicate} ${query}`, parameters };
}

/** INSERT OVERWRITE: the whole table in one commit. */
export function overwriteStatement(
  table: string,
  columns: readonly TypedColumn[],
  cells: readonly (string | null)[][],
): Statement {
  const parameters: StatementParameter[] = [];
  const query = rowsQuery(columns, cells, parameters);
  return { statement: `INSERT OVERWRITE TABLE ${qualifiedName(table)} ${query}`, parameters };
}

/** MERGE INTO … upsert by key. */
export function mergeStatement(
  table: string,
  columns: readonly TypedColumn[],
  keys: readonly string[],
  cells: readonly (string | null)[][],
): Statement {
  const parameters: StatementParameter[] = [];
  const query = rowsQuery(columns, cells, parameters);
  const on = keys.map((k) => `target.${ident(k)} = source.${ident(k)}`).join(" AND ");
  return {
    statement: `MERGE INTO ${qualifiedName(table)} AS target USING (${query}) AS source ON ${on} WHEN MATCHED THEN UPDATE SET * WHEN NOT MATCHED THEN INSERT *`,
    parameters,
  };
}

/** DELETE FROM … WHERE. */
export function deleteStatement(table: string, columns: readonly TypedColumn[], where: Predicate): Statement {
  const parameters: StatementParameter[] = [];
  const predicate = renderPredicate(table, columns, where, databricksDialect(parameters));
  return { statement: `DELETE FROM ${qualifiedName(table)} WHERE ${predicate}`, parameters };
}

// Time travel takes literals: the version is a checked integer and the timestamp is re-rendered by
// Date#toISOString, so neither can carry SQL.
function timeTravel(table: string, asOf?: AsOf): string {
  if (!asOf) return "";
  if ("version" in asOf) {
    if (!Number.isInteger(asOf.version) || asOf.version < 0) {
      throw new LakehouseError(
        "DELTA_VERSION_NOT_FOUND",
        `Cannot time travel ${table} to version ${asOf.version}: versions are non-negative integers.`,
      );
    }
    return ` VERSION AS OF ${asOf.version}`;
  }
  const at = asOf.timestamp instanceof Date ? asOf.timestamp : new Date(asOf.timestamp);
  if (Number.isNaN(at.getTime())) {
    throw new LakehouseError(
      "DELTA_TIMESTAMP_OUT_OF_RANGE",
      `AS OF timestamp for ${table} must be a Date or an ISO 8601 string, got ${JSON.stringify(asOf.timestamp)}.`,
    );
  }
  return ` TIMESTAMP AS OF ${stringLiteral(at.toISOString())}`;
}

/** SELECT … [VERSION|TIMESTAMP AS OF …] [WHERE …] [ORDER BY …] [LIMIT n]. */
export function readStatement(
  table: string,
  columns: readonly TypedColumn[],
  options: ReadOptions,
): { statement: Statement; columns: TypedColumn[] } {
  const parameters: StatementParameter[] = [];
  const chosen = selectColumns(table, columns, options.columns);
  const where = options.where
    ? ` WHERE ${renderPredicate(table, columns, options.where, databricksDialect(parameters))}`
    : "";
  const limit = limitClause(options);
  const statement = `SELECT ${chosen.map((c) => ident(c.name)).join(", ")} FROM ${qualifiedName(table)}${timeTravel(table, options.asOf)}${where}${orderByClause(table, columns, options.orderBy, ident)}${limit}`;
  return { statement: { statement, parameters }, columns: chosen };
}

/** SELECT … FROM table_changes(…) between two versions, ordered so a pre-image precedes its post-image. */
export function changesStatement(
  table: string,
  columns: readonly TypedColumn[],
  primaryKey: readonly string[],
  from: number,
  to: number,
): Statement {
  const name = parseTableName(table).full;
  const keyOrder = primaryKey.map((k) => `${ident(k)}, `).join("");
  return {
    statement: `SELECT ${columns.map((c) => ident(c.name)).join(", ")}, _change_type, _commit_version, _commit_timestamp FROM table_changes(${stringLiteral(name)}, ${from}, ${to}) ORDER BY _commit_version, ${keyOrder}CASE _change_type WHEN 'delete' THEN 0 WHEN 'update_preimage' THEN 1 WHEN 'update_postimage' THEN 2 ELSE 3 END`,
    parameters: [],
  };
}

/** DESCRIBE HISTORY … [LIMIT n]. */
export function historyStatement(table: string, limit?: number): Statement {
  return {
    statement: `DESCRIBE HISTORY ${qualifiedName(table)}${limit === undefined ? "" : ` LIMIT ${Math.max(1, Math.floor(limit))}`}`,
    parameters: [],
  };
}

/** Columns of a table from the catalog's information_schema, in ordinal order. */
export function columnsStatement(table: string): Statement {
  const n = parseTableName(table);
  return {
    statement: `SELECT column_name, full_data_type, is_nullable, comment FROM ${ident(n.catalog)}.information_schema.columns WHERE table_schema = :schema AND table_name = :table ORDER BY ordinal_position`,
    parameters: [
      { name: "schema", value: n.schema },
      { name: "table", value: n.table },
    ],
  };
}

/** Primary key columns (informational constraint) and the table comment. */
export function primaryKeyStatement(table: string): Statement {
  const n = parseTableName(table);
  const is = `${ident(n.catalog)}.information_schema`;
  return {
    statement: `SELECT k.column_name FROM ${is}.table_constraints tc JOIN ${is}.key_column_usage k ON k.constraint_catalog = tc.constraint_catalog AND k.constraint_schema = tc.constraint_schema AND k.constraint_name = tc.constraint_name WHERE tc.constraint_type = 'PRIMARY KEY' AND tc.table_schema = :schema AND tc.table_name = :table ORDER BY k.ordinal_position`,
    parameters: [
      { name: "schema", value: n.schema },
      { name: "table", value: n.table },
    ],
  };
}

/** Tables of a schema, from information_schema. */
export function listTablesStatement(catalog: string, schema: string): Statement {
  return {
    statement: `SELECT table_name FROM ${ident(catalog)}.information_schema.tables WHERE table_schema = :schema ORDER BY table_name`,
    parameters: [{ name: "schema", value: schema }],
  };
}
