/**
 * Errors a domain function throws to say "this request cannot be done, and here is why".
 * They carry no Next imports, so domain code and its tests use them directly.
 */

/** The record changed since the caller read it; `current` is what is there now, so the user can resolve. */
export class ConflictError<TCurrent = unknown> extends Error {
  override name = "ConflictError";
  constructor(
    message: string,
    readonly current: TCurrent,
  ) {
    super(message);
  }
}

/** The thing the request names does not exist (or is not visible to this user). */
export class NotFoundError extends Error {
  override name = "NotFoundError";
}

/** A business rule rejects a field's value (e.g. an illegal status transition); shown next to that field. */
export class FieldRuleError extends Error {
  override name = "FieldRuleError";
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}
