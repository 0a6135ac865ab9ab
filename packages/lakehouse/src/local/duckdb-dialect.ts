import type { ParsedType } from "../column-types.ts";
import type { SqlDialect } from "../predicate.ts";
import type { TableName } from "../table-name.ts";

/** Quotes a DuckDB identifier. */
export function quote(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * Where a Unity Catalog table lives in the DuckDB file. DuckDB reserves the catalog name `main`
 * (the usual Unity Catalog default), so catalogs cannot map to attached databases; instead
 * `catalog.schema` becomes one DuckDB schema named "catalog.schema" (dots cannot occur inside a
 * validated part, so the mapping is one-to-one) and the table keeps its name.
 */
export function physicalName(name: TableName): string {
  return `${quote(`${name.catalog}.${name.schema}`)}.${quote(name.table)}`;
}

/** The DuckDB type that stores a Databricks SQL type. TIMESTAMP is an instant, so TIMESTAMPTZ. */
export function duckType(type: ParsedType): string {
  switch (type.kind) {
    case "STRING":
      return "VARCHAR";
    case "INT":
      return "INTEGER";
    case "TIMESTAMP":
      return "TIMESTAMPTZ";
    case "TIMESTAMP_NTZ":
      return "TIMESTAMP";
    case "DECIMAL":
      return `DECIMAL(${type.precision},${type.scale})`;
    default:
      return type.kind;
  }
}

/** A dialect that collects named `$pN` parameters for DuckDB. */
export function duckDialect(): SqlDialect & { values: Record<string, string | null> } {
  const values: Record<string, string | null> = {};
  let n = 0;
  return {
    values,
    ident: quote,
    param(text, type) {
      n += 1;
      values[`p${n}`] = text;
      return `CAST($p${n} AS ${duckType(type)})`;
    },
  };
}
