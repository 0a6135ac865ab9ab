import type { PostgresShape } from "./postgres-shape.ts";
import { diffTableShape, type SchemaDifference } from "./table-diff.ts";

/** Compares a declared Postgres shape with the live one: columns, types, nullability, primary key. */
export function diffPostgresShape(
  declared: PostgresShape,
  live: PostgresShape | undefined,
): SchemaDifference[] {
  return diffTableShape(declared.name, declared, live);
}
