import type { ColumnType } from "@appbase/synthetic-data";

/** The Postgres type each generator column type is declared as (what drift checks compare). */
export const sqlTypeOf: Record<ColumnType, string> = {
  text: "text",
  int: "integer",
  float: "double precision",
  bool: "boolean",
  timestamp: "timestamp with time zone",
  date: "date",
  json: "jsonb",
};
