import type { ParsedType } from "../column-types.ts";

/** The Postgres type a synced table column gets for a Delta type (the platform's default mapping). */
export function postgresType(type: ParsedType): string {
  switch (type.kind) {
    case "STRING":
      return "text";
    case "BOOLEAN":
      return "boolean";
    case "TINYINT":
    case "SMALLINT":
      return "smallint";
    case "INT":
      return "integer";
    case "BIGINT":
      return "bigint";
    case "FLOAT":
      return "real";
    case "DOUBLE":
      return "double precision";
    case "DECIMAL":
      return `numeric(${type.precision},${type.scale})`;
    case "DATE":
      return "date";
    case "TIMESTAMP":
      return "timestamptz";
    case "TIMESTAMP_NTZ":
      return "timestamp";
  }
}

/** Quotes a Postgres identifier. */
export function pgIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
