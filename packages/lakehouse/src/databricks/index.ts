export type { Statement, StatementParameter, StatementResult } from "@appbase/databricks";
export { DatabricksLakehouse } from "./databricks-lakehouse.ts";
export { StatementClient, type StatementClientOptions } from "./statement-client.ts";
