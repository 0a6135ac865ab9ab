export type GovernanceErrorCode =
  | "UNKNOWN_TABLE"
  | "INVALID_WRITE"
  | "VERSION_CONFLICT"
  | "SILVER_WRITE_FAILED"
  | "EVENT_IN_FLIGHT";

/** A Governance Writer error: `code` says what kind, `message` names the table, row and fix. */
export class GovernanceError extends Error {
  override readonly name = "GovernanceError";
  constructor(
    readonly code: GovernanceErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
