export { type CatalogReader, readPostgresShapes } from "./postgres-catalog.ts";
export { diffPostgresShape } from "./postgres-diff.ts";
export { canonicalPostgresType, declaredPostgresShape, type PostgresShape } from "./postgres-shape.ts";
export {
  checkSchemaDrift,
  type DriftItem,
  type DriftReport,
  type DriftTarget,
  formatDriftItem,
  formatDriftReport,
} from "./schema-drift.ts";
