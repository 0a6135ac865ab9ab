/**
 * Error codes follow the Delta / Databricks error classes where one exists, so a caller handles
 * the same condition the same way on either adapter.
 */
export type LakehouseErrorCode =
  | "INVALID_TABLE_NAME"
  | "INVALID_DECLARATION"
  | "INVALID_ROW"
  | "INVALID_PREDICATE"
  | "SCHEMA_NOT_FOUND"
  | "TABLE_OR_VIEW_NOT_FOUND"
  | "TABLE_OR_VIEW_ALREADY_EXISTS"
  | "DELTA_VERSION_NOT_FOUND"
  | "DELTA_TIMESTAMP_OUT_OF_RANGE"
  | "DELTA_REPLACE_WHERE_MISMATCH"
  | "DELTA_MULTIPLE_SOURCE_ROW_MATCHING_TARGET_ROW_IN_MERGE"
  | "STATEMENT_FAILED"
  | "HTTP_ERROR"
  | "UNAUTHENTICATED"
  | "NOT_CONFIGURED"
  | "LAKEHOUSE_BUSY"
  | "LAKEHOUSE_CLOSED";

/** An error a person can act on: `code` says what kind, `message` names the table/field and the fix. */
export class LakehouseError extends Error {
  override readonly name = "LakehouseError";
  constructor(
    readonly code: LakehouseErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}
