import { z } from "zod";

// The §0.2 envelope; `details` entries are kept loosely (not every entry carries `metadata`).
const envelope = z.object({
  error_code: z.string(),
  message: z.string(),
  details: z.array(z.looseObject({ "@type": z.string().optional() })).optional(),
});
// Serving's external-model wrapper (§5.3) has no top-level error_code.
const servingWrapper = z.object({
  error: z.string().optional(),
  external_model_message: z.object({ error_code: z.string().optional(), message: z.string().optional() }),
});
// OAuth token endpoint errors (§6.4).
const oauthError = z.object({ error: z.string(), error_description: z.string().optional() });

/** Where the error came from: the HTTP status, a broken answer, or no answer at all. */
export type DatabricksErrorKind = "http" | "malformed-response" | "unreachable" | "retries-exhausted";

/**
 * A Databricks call that failed. `message` is one sentence a person can act on: the operation, the
 * status and `error_code`, the server's words, and what to do (`hint`).
 */
export class DatabricksApiError extends Error {
  readonly kind: DatabricksErrorKind;
  /** HTTP status; 0 when no answer arrived. */
  readonly status: number;
  readonly errorCode: string | undefined;
  /** The server's own message, verbatim. */
  readonly serverMessage: string;
  readonly details: readonly Record<string, unknown>[];
  /** What to do about it. */
  readonly hint: string;
  /** The wait the server asked for (Retry-After header or RetryInfo detail), in ms. */
  readonly retryAfterMs: number | undefined;

  constructor(init: {
    operation: string;
    kind: DatabricksErrorKind;
    status: number;
    errorCode?: string;
    serverMessage: string;
    details?: readonly Record<string, unknown>[];
    hint: string;
    retryAfterMs?: number;
  }) {
    const code = init.errorCode ? ` ${init.errorCode}` : "";
    const status = init.status ? ` (HTTP ${init.status}${code})` : "";
    super(`${init.operation} failed${status}: ${init.serverMessage} ${init.hint}`.trim());
    this.name = "DatabricksApiError";
    this.kind = init.kind;
    this.status = init.status;
    this.errorCode = init.errorCode;
    this.serverMessage = init.serverMessage;
    this.details = init.details ?? [];
    this.hint = init.hint;
    this.retryAfterMs = init.retryAfterMs;
  }
}

/** What to do about a failure with this status and code. */
export function hintFor(status: number, errorCode: string | undefined): string {
  if (status === 401) {
    return "The access token is missing, invalid or expired: check DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET for the app, or that the user's forwarded token reached the app.";
  }
  if (status === 403) {
    return "The caller lacks permission: grant the app's service principal (or the user) access to the resource named above, e.g. as an app resource in databricks.yml.";
  }
  if (status === 404) {
    return "The resource does not exist or the caller cannot see it: check its name or id in the app's resource bindings.";
  }
  if (status === 409)
    return "The resource already exists or changed meanwhile: read it again and retry the change.";
  if (status === 429 || errorCode === "REQUEST_LIMIT_EXCEEDED" || errorCode === "RESOURCE_EXHAUSTED") {
    return "The workspace is rate-limiting this app: try again later or lower the call rate.";
  }
  if (status === 503 || status === 504)
    return "The service is temporarily unavailable (e.g. starting up): try again shortly.";
  if (status >= 500)
    return "The workspace failed to answer: try again; if it persists, check the workspace status page.";
  if (status >= 400) return "The request was refused: fix the field named above.";
  return "";
}

/** A `Retry-After` header (delta seconds or an HTTP date) in ms, or undefined. */
export function retryAfterHeaderMs(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function retryInfoMs(details: readonly Record<string, unknown>[]): number | undefined {
  const info = details.find((d) => d["@type"] === "type.googleapis.com/google.rpc.RetryInfo");
  const match = typeof info?.retry_delay === "string" ? /^(\d+(?:\.\d+)?)s$/.exec(info.retry_delay) : null;
  return match ? Math.round(Number(match[1]) * 1000) : undefined;
}

/** Reads a non-2xx answer (envelope, serving wrapper, OAuth error or anything else) into a typed error. */
export function errorFromResponse(
  operation: string,
  status: number,
  text: string,
  headers: Headers,
): DatabricksApiError {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const standard = envelope.safeParse(json);
  const wrapped = servingWrapper.safeParse(json);
  const oauth = oauthError.safeParse(json);
  const details = standard.success ? (standard.data.details ?? []) : [];
  const errorCode = standard.success
    ? standard.data.error_code
    : wrapped.success
      ? wrapped.data.external_model_message.error_code
      : oauth.success
        ? oauth.data.error
        : undefined;
  const serverMessage = standard.success
    ? standard.data.message
    : wrapped.success
      ? (wrapped.data.external_model_message.message ?? wrapped.data.error ?? "")
      : oauth.success
        ? (oauth.data.error_description ?? oauth.data.error)
        : text.trim().slice(0, 300) || `HTTP ${status} with an empty body.`;
  return new DatabricksApiError({
    operation,
    kind: "http",
    status,
    errorCode,
    serverMessage,
    details,
    hint: hintFor(status, errorCode),
    retryAfterMs: retryAfterHeaderMs(headers.get("retry-after")) ?? retryInfoMs(details),
  });
}
