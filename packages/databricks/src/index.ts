// @appbase/databricks: one client for the workspace APIs AppBase calls (see ARCHITECTURE.md).
export { appWorkspaceClient, missingAppPrincipal } from "./app-principal.ts";
export {
  forwardedUserToken,
  type M2mOptions,
  m2mTokenSource,
  refreshDueAt,
  type TokenSource,
} from "./auth.ts";
export {
  type ApiRequest,
  type BytesRequest,
  type BytesResponse,
  type WorkspaceClient,
  type WorkspaceClientOptions,
  workspaceClient,
} from "./client.ts";
export { type DirectoryEntry, type FileMetadata, type FilesClient, files } from "./clients/files.ts";
export {
  type GenieAnswer,
  type GenieMessage,
  GenieMessageError,
  type GenieOptions,
  genie,
  genieMessageSchema,
} from "./clients/genie.ts";
export { currentUser } from "./clients/identity.ts";
export {
  type DatabaseCredential,
  generateDatabaseCredential,
  getSyncedTable,
  type SyncedTable,
  syncedTableSchema,
} from "./clients/lakebase.ts";
export {
  type Assessment,
  assessmentSchema,
  mlflow,
  type NewAssessment,
  type TraceInfo,
  type TraceSearch,
  traceInfoSchema,
} from "./clients/mlflow.ts";
export { type MlflowSpanType, newSpanId, type TokenUsage, type TraceSpan } from "./clients/mlflow-spans.ts";
export {
  type AiGateway,
  aiGatewaySchema,
  type ChatCompletion,
  chatCompletionSchema,
  type ServingEndpoint,
  serving,
  servingEndpointSchema,
} from "./clients/serving.ts";
export {
  type SqlStatementOptions,
  type Statement,
  StatementFailedError,
  type StatementParameter,
  type StatementResponse,
  type StatementResult,
  type StatementState,
  sqlStatements,
  statementResponseSchema,
} from "./clients/sql-statements.ts";
export { SYNCED_TABLE_STATES, type SyncedTableState } from "./clients/synced-table-states.ts";
export {
  DatabricksApiError,
  type DatabricksErrorKind,
  errorFromResponse,
  hintFor,
  retryAfterHeaderMs,
} from "./errors.ts";
export { workspaceUrl } from "./host.ts";
export { backoffMs, DEFAULT_RETRY, RETRYABLE_STATUSES, type RetryPolicy, withRetries } from "./retry.ts";
