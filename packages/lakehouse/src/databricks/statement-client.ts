import {
  DatabricksApiError,
  type SqlStatementOptions,
  type Statement,
  StatementFailedError,
  type StatementResult,
  sqlStatements,
  type WorkspaceClient,
} from "@appbase/databricks";
import { LakehouseError, type LakehouseErrorCode } from "../errors.ts";

export interface StatementClientOptions extends SqlStatementOptions {
  /** The workspace, authenticated as the app's service principal or the signed-in user. */
  workspace: WorkspaceClient;
}

// Error classes Databricks puts in brackets at the start of a message and that the port names too.
const KNOWN_CLASSES = new Set<LakehouseErrorCode>([
  "TABLE_OR_VIEW_NOT_FOUND",
  "TABLE_OR_VIEW_ALREADY_EXISTS",
  "SCHEMA_NOT_FOUND",
  "DELTA_VERSION_NOT_FOUND",
  "DELTA_REPLACE_WHERE_MISMATCH",
  "DELTA_MULTIPLE_SOURCE_ROW_MATCHING_TARGET_ROW_IN_MERGE",
]);

function errorClass(message: string): LakehouseErrorCode {
  const bracket = /^\[([A-Z_]+)[\].]/.exec(message)?.[1];
  if (bracket && KNOWN_CLASSES.has(bracket as LakehouseErrorCode)) return bracket as LakehouseErrorCode;
  if (bracket?.startsWith("DELTA_TIMESTAMP")) return "DELTA_TIMESTAMP_OUT_OF_RANGE";
  return "STATEMENT_FAILED";
}

/** The port's errors for what `@appbase/databricks` threw: Delta error classes, HTTP failures, auth. */
function asLakehouseError(error: unknown, statement: Statement): unknown {
  if (error instanceof StatementFailedError) {
    return new LakehouseError(
      error.state === "FAILED" ? errorClass(error.serverMessage ?? "") : "STATEMENT_FAILED",
      error.message,
      {
        statementId: error.statementId,
        errorCode: error.errorCode,
        sqlState: error.sqlState,
        statement: statement.statement,
      },
    );
  }
  if (error instanceof DatabricksApiError) {
    const code = error.status === 401 ? "UNAUTHENTICATED" : "HTTP_ERROR";
    return new LakehouseError(code, error.message, {
      status: error.status,
      errorCode: error.errorCode,
      kind: error.kind,
    });
  }
  return error;
}

/** SQL statements for the lakehouse port: `@appbase/databricks` does the API; this maps its errors. */
export class StatementClient {
  private readonly statements: ReturnType<typeof sqlStatements>;

  constructor(options: StatementClientOptions) {
    this.statements = sqlStatements(options.workspace, options);
  }

  /** Runs one statement to completion and returns all its rows; throws a LakehouseError otherwise. */
  async execute(statement: Statement): Promise<StatementResult> {
    try {
      return await this.statements.execute(statement);
    } catch (error) {
      throw asLakehouseError(error, statement);
    }
  }
}
