export { diffBranchRows, type RowDiffInput, type RowJson, type TableRowDiff } from "./row-diff.ts";
export { type BranchSchemaChange, diffBranchSchema, formatSchemaChange, userSchemas } from "./schema-diff.ts";
