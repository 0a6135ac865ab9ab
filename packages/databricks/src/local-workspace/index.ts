// The local workspace: one HTTP server plus route modules that follow databricks-api-shapes.md.
// Product code (the rehearsal) may use this entry; tests use `@appbase/databricks/testing`.
export { apiError, ok, pathMatcher, type RouteModule, type RouteReply, type RouteRequest } from "./route.ts";
export { type BranchRouteOptions, type BranchRoutes, branchRoutes } from "./routes/branches.ts";
export { type FileRoutes, fileRoutes } from "./routes/files.ts";
export { type GenieAnswer, type GenieOptions, type GenieRoutes, genieRoutes } from "./routes/genie.ts";
export {
  type LakebaseCredentialOptions,
  type LakebaseCredentialRoutes,
  lakebaseCredentialRoutes,
  type MintedCredential,
} from "./routes/lakebase-credentials.ts";
export { type MlflowRoutes, mlflowRoutes, type StoredTrace } from "./routes/mlflow.ts";
export { type OidcOptions, oidcRoutes } from "./routes/oidc.ts";
export { scimMeRoutes } from "./routes/scim-me.ts";
export {
  chatCompletion,
  embeddingsResponse,
  type ServingHandler,
  type ServingOptions,
  servingRoutes,
} from "./routes/serving.ts";
export { type ServingSystemTables, servingSystemTables, type UsageRow } from "./routes/serving-usage.ts";
export {
  type ExecuteStatementRequest,
  type PlannedColumn,
  type SqlStatementRoutes,
  type StatementPlan,
  sqlStatementRoutes,
} from "./routes/sql-statements.ts";
export { type SyncedTableRoutes, type SyncedTableStatus, syncedTableRoutes } from "./routes/synced-tables.ts";
export { type WarehouseRoutes, type WarehouseTable, warehouseRoutes } from "./routes/warehouse.ts";
export {
  type Interceptor,
  type SeenRequest,
  startWorkspaceServer,
  type WorkspaceServer,
  type WorkspaceServerOptions,
} from "./server.ts";
export { type Principal, type TokenRegistry, tokenRegistry } from "./tokens.ts";
