/** Field name → messages, for showing errors next to form fields. */
export type FieldErrors = Record<string, string[]>;

/** Why an action did not run or did not succeed, as data the UI can show. */
export type ActionFailure =
  | { kind: "unauthenticated"; message: string }
  | { kind: "forbidden"; message: string; permission: string }
  | { kind: "invalid"; message: string; fieldErrors: FieldErrors }
  | { kind: "conflict"; message: string; current: unknown }
  | { kind: "not-found"; message: string }
  | { kind: "unavailable"; message: string };

/** Every wrapped action returns this: errors are values, so forms can show them. */
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionFailure };

/** HTTP status for a failure, used by route handlers. */
export function statusForFailure(failure: ActionFailure): number {
  switch (failure.kind) {
    case "unauthenticated":
      return 401;
    case "forbidden":
      return 403;
    case "invalid":
      return 400;
    case "conflict":
      return 409;
    case "not-found":
      return 404;
    case "unavailable":
      return 503;
  }
}
