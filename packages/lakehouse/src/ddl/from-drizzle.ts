import { getTableConfig, type PgTable } from "drizzle-orm/pg-core";
import type { DeltaType, TableDeclaration } from "../column-types.ts";
import { LakehouseError } from "../errors.ts";

export interface FromDrizzleOptions {
  /** Per Postgres column name: the Delta type to use instead, or "omit" to leave the column out of the lakehouse table. */
  overrides?: Record<string, DeltaType | "omit">;
  comment?: string;
}

// Postgres types by the name drizzle's getSQLType() prints (size and precision stripped).
const BY_NAME: Record<string, DeltaType> = {
  text: "STRING",
  varchar: "STRING",
  "character varying": "STRING",
  char: "STRING",
  character: "STRING",
  uuid: "STRING",
  citext: "STRING",
  inet: "STRING",
  cidr: "STRING",
  macaddr: "STRING",
  // JSON stays text on the lakehouse side: synced tables reject VARIANT, and STRING round-trips.
  json: "STRING",
  jsonb: "STRING",
  smallint: "SMALLINT",
  smallserial: "SMALLINT",
  integer: "INT",
  serial: "INT",
  bigint: "BIGINT",
  bigserial: "BIGINT",
  real: "FLOAT",
  "double precision": "DOUBLE",
  boolean: "BOOLEAN",
  date: "DATE",
};

/**
 * The Delta type for a Postgres column type. Unbounded numeric has no Delta equivalent, so it
 * becomes DECIMAL(38,18) (Databricks' widest with room for fractions); declare a precision in the
 * Postgres table to control it.
 */
function deltaTypeOf(sqlType: string, isEnum: boolean): DeltaType | null {
  if (isEnum) return "STRING";
  const t = sqlType.trim().toLowerCase();
  const numeric = /^(?:numeric|decimal)\s*(?:\(\s*(\d+)\s*(?:,\s*(\d+)\s*)?\))?$/.exec(t);
  if (numeric) {
    if (!numeric[1]) return "DECIMAL(38,18)";
    return `DECIMAL(${Number(numeric[1])},${Number(numeric[2] ?? 0)})`;
  }
  const timestamp = /^timestamp\s*(?:\(\s*\d+\s*\))?\s*(with(?:out)? time zone)?$/.exec(t);
  if (timestamp) return timestamp[1] === "with time zone" ? "TIMESTAMP" : "TIMESTAMP_NTZ";
  if (t === "timestamptz") return "TIMESTAMP";
  return BY_NAME[t.replace(/\s*\(.*\)$/, "")] ?? null;
}

/**
 * Derives the lakehouse column declaration from a drizzle pg-core table, so one declaration
 * yields both the Postgres DDL (drizzle-kit) and the Delta DDL (deltaCreateTable). Primary key
 * columns (column-level or composite) become the key and are NOT NULL, as in Postgres.
 */
export function declarationFromDrizzle(table: PgTable, options: FromDrizzleOptions = {}): TableDeclaration {
  const config = getTableConfig(table);
  const overrides = options.overrides ?? {};
  for (const name of Object.keys(overrides)) {
    if (!config.columns.some((c) => c.name === name)) {
      throw new LakehouseError(
        "INVALID_DECLARATION",
        `overrides.${name}: table ${config.name} has no column "${name}".`,
      );
    }
  }
  const primaryKey = [
    ...config.columns.filter((c) => c.primary).map((c) => c.name),
    ...config.primaryKeys.flatMap((pk) => pk.columns.map((c) => c.name)),
  ];
  const columns = config.columns.flatMap((c) => {
    const override = overrides[c.name];
    if (override === "omit") return [];
    const type = override ?? deltaTypeOf(c.getSQLType(), c.columnType === "PgEnumColumn");
    if (!type) {
      throw new LakehouseError(
        "INVALID_DECLARATION",
        `Column ${config.name}.${c.name} has Postgres type ${c.getSQLType()}, which has no lakehouse equivalent; pass overrides: { ${c.name}: "STRING" } (or "omit").`,
      );
    }
    return [{ name: c.name, type, nullable: !(c.notNull || primaryKey.includes(c.name)) }];
  });
  const omittedKey = primaryKey.filter((k) => overrides[k] === "omit");
  if (omittedKey.length > 0) {
    throw new LakehouseError(
      "INVALID_DECLARATION",
      `overrides for ${config.name} omit primary key column(s) ${omittedKey.join(", ")}; the key must exist on both sides.`,
    );
  }
  return { columns, primaryKey, ...(options.comment ? { comment: options.comment } : {}) };
}
