export * from "./column-types.ts";
export * from "./errors.ts";
export type * from "./lakehouse.ts";
export * from "./port-schemas.ts";
export * from "./predicate.ts";
export * from "./schema-diff.ts";
export * from "./table-name.ts";
export type { CellValue, Row, RowInput } from "./values.ts";
