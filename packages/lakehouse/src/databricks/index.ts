export { DatabricksLakehouse } from "./databricks-lakehouse.ts";
export { StatementClient, type StatementClientOptions } from "./statement-client.ts";
export type { Statement, StatementParameter, StatementResult } from "./statement-schemas.ts";
