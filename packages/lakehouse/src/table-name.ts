import { LakehouseError } from "./errors.ts";

/** A Unity Catalog three-part name, split and lower-cased (Unity Catalog stores names in lower case). */
export interface TableName {
  catalog: string;
  schema: string;
  table: string;
  /** `catalog.schema.table`, lower case. */
  full: string;
}

// Synced tables accept only these characters in database, schema and table names, so we hold every
// lakehouse name to the same rule and never need quoting surprises on either engine.
const PART = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Parses `catalog.schema.table`; throws INVALID_TABLE_NAME naming the bad part. */
export function parseTableName(name: string): TableName {
  const parts = name.split(".");
  if (parts.length !== 3) {
    throw new LakehouseError(
      "INVALID_TABLE_NAME",
      `Table name "${name}" must have three parts, catalog.schema.table (e.g. "main.sales.orders").`,
    );
  }
  const labels = ["catalog", "schema", "table"] as const;
  parts.forEach((part, i) => {
    if (!PART.test(part)) {
      throw new LakehouseError(
        "INVALID_TABLE_NAME",
        `The ${labels[i]} part "${part}" of table name "${name}" must match [A-Za-z_][A-Za-z0-9_]*.`,
      );
    }
  });
  const [catalog, schema, table] = parts.map((p) => p.toLowerCase()) as [string, string, string];
  return { catalog, schema, table, full: `${catalog}.${schema}.${table}` };
}

/** Parses `catalog.schema`; throws INVALID_TABLE_NAME naming the bad part. */
export function parseSchemaName(name: string): { catalog: string; schema: string; full: string } {
  if (name.split(".").length !== 2) {
    throw new LakehouseError(
      "INVALID_TABLE_NAME",
      `Schema name "${name}" must have two parts, catalog.schema (e.g. "main.sales").`,
    );
  }
  const parsed = parseTableName(`${name}.x`);
  return { catalog: parsed.catalog, schema: parsed.schema, full: `${parsed.catalog}.${parsed.schema}` };
}
