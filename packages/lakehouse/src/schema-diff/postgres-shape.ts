import { getTableConfig, type PgTable } from "drizzle-orm/pg-core";

/** A Postgres table's shape, as declared or as the live catalog holds it. */
export interface PostgresShape {
  /** `schema.table`. */
  name: string;
  columns: { name: string; type: string; nullable: boolean }[];
  primaryKey: string[];
}

const SERIALS: Record<string, string> = { serial: "integer", bigserial: "bigint", smallserial: "smallint" };
const SHORT: Record<string, string> = { varchar: "character varying", char: "character", int: "integer" };

/**
 * One spelling per Postgres type, so drizzle's getSQLType() and the catalog's format_type() compare
 * equal: serials are their integer types, timestamps and times spell out their zone, spaces before
 * a modifier and after commas go, and a schema-qualified (enum) name keeps only its last part.
 */
export function canonicalPostgresType(text: string): string {
  let t = text.trim().toLowerCase().replaceAll('"', "");
  t = t
    .replace(/\s*\(\s*/g, "(")
    .replace(/\s*,\s*/g, ",")
    .replace(/\s*\)/g, ")");
  const array = t.endsWith("[]") ? "[]" : "";
  if (array) t = t.slice(0, -2);
  t = SERIALS[t] ?? t;
  const head = /^([a-z_ ]+?)(\(.*\))?$/.exec(t);
  if (head?.[1] && SHORT[head[1]]) t = `${SHORT[head[1]]}${head[2] ?? ""}`;
  const time = /^(timestamp|time)(\(\d+\))?(?: (with|without) time zone)?$/.exec(t);
  if (time) t = `${time[1]}${time[2] ?? ""} ${time[3] ?? "without"} time zone`;
  if (t === "timestamptz") t = "timestamp with time zone";
  if (/^[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*$/.test(t)) t = t.split(".")[1]!;
  return `${t}${array}`;
}

/** The Postgres shape a drizzle table declares: columns, canonical types, nullability, primary key. */
export function declaredPostgresShape(table: PgTable): PostgresShape {
  const config = getTableConfig(table);
  const primaryKey = [
    ...config.columns.filter((c) => c.primary).map((c) => c.name),
    ...config.primaryKeys.flatMap((pk) => pk.columns.map((c) => c.name)),
  ];
  return {
    name: `${config.schema ?? "public"}.${config.name}`,
    columns: config.columns.map((c) => ({
      name: c.name,
      type: canonicalPostgresType(c.getSQLType()),
      nullable: !(c.notNull || primaryKey.includes(c.name)),
    })),
    primaryKey,
  };
}
