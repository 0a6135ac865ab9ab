import { z } from "zod";
import { DatabricksApiError, errorFromResponse } from "./errors.ts";
import { workspaceUrl } from "./host.ts";
import { type RetryPolicy, withRetries } from "./retry.ts";

/** Where a client's bearer token comes from. */
export interface TokenSource {
  /** Who the calls run as; names the fix in error messages. */
  readonly identity: "service-principal" | "user";
  token(): Promise<string>;
  /** Forgets a token the server rejected (401), so the next `token()` fetches a fresh one. */
  invalidate(rejected: string): void;
}

// §6.3: TS requires access_token and expires_in (a number or a numeric string).
const tokenResponse = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.coerce.number().positive(),
});

/**
 * The one refresh rule: a token is replaced once less than min(5 min, half its lifetime) remains.
 * A 1 h token is refreshed at 55 min, so no call ever leaves with one about to lapse (the platform
 * rejects tokens with 30 s or less left, §6.5), and short-lived tokens still get half their life.
 */
export function refreshDueAt(issuedAt: number, lifetimeMs: number): number {
  return issuedAt + lifetimeMs - Math.min(5 * 60_000, lifetimeMs / 2);
}

export interface M2mOptions {
  /** DATABRICKS_HOST, with or without scheme. */
  host: string;
  /** DATABRICKS_CLIENT_ID / DATABRICKS_CLIENT_SECRET of the app's service principal. */
  clientId: string;
  clientSecret: string;
  fetch?: typeof fetch;
  now?: () => number;
  retry?: Partial<RetryPolicy>;
}

/**
 * OAuth M2M for the app's service principal (api-shapes §6.2): client credentials in a Basic header
 * against `{host}/oidc/v1/token`, scope `all-apis`. One token per source, refreshed by `refreshDueAt`;
 * concurrent callers share one refresh; a failed refresh is not cached.
 */
export function m2mTokenSource(options: M2mOptions): TokenSource {
  const doFetch = options.fetch ?? fetch;
  const now = options.now ?? Date.now;
  const endpoint = `${workspaceUrl(options.host)}/oidc/v1/token`;
  const operation = "OAuth M2M token request (POST /oidc/v1/token)";
  let cached: { token: string; refreshAt: number } | undefined;
  let inflight: Promise<string> | undefined;

  const fetchToken = async (): Promise<string> => {
    const issuedAt = now();
    const response = await withRetries(operation, options.retry, async () => {
      const answer = await doFetch(endpoint, {
        method: "POST",
        headers: {
          authorization: `Basic ${Buffer.from(`${options.clientId}:${options.clientSecret}`).toString("base64")}`,
          "content-type": "application/x-www-form-urlencoded",
        },
        body: "grant_type=client_credentials&scope=all-apis",
      }).catch((error: Error) => {
        throw new DatabricksApiError({
          operation,
          kind: "unreachable",
          status: 0,
          serverMessage: `could not reach ${endpoint} (${error.message}).`,
          hint: "Check DATABRICKS_HOST and the network.",
        });
      });
      const text = await answer.text();
      if (!answer.ok) {
        const error = errorFromResponse(operation, answer.status, text, answer.headers);
        if (answer.status === 400 || answer.status === 401) {
          throw new DatabricksApiError({
            operation,
            kind: "http",
            status: answer.status,
            errorCode: error.errorCode,
            serverMessage: error.serverMessage,
            hint: "The workspace refused the app's client credentials: check DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET (injected by Databricks Apps for the app's service principal).",
          });
        }
        throw error;
      }
      return text;
    });
    let json: unknown;
    try {
      json = JSON.parse(response);
    } catch {
      json = undefined;
    }
    const parsed = tokenResponse.safeParse(json);
    if (!parsed.success) {
      throw new DatabricksApiError({
        operation,
        kind: "malformed-response",
        status: 200,
        serverMessage: "the answer has no access_token and expires_in.",
        hint: "DATABRICKS_HOST may point at something other than a Databricks workspace.",
      });
    }
    cached = {
      token: parsed.data.access_token,
      refreshAt: refreshDueAt(issuedAt, parsed.data.expires_in * 1000),
    };
    return cached.token;
  };

  return {
    identity: "service-principal",
    async token() {
      if (cached && now() < cached.refreshAt) return cached.token;
      inflight ??= fetchToken().finally(() => {
        inflight = undefined;
      });
      return inflight;
    },
    invalidate(rejected) {
      if (cached?.token === rejected) cached = undefined;
    },
  };
}

/**
 * The signed-in user's token, as the Apps proxy forwards it (`x-forwarded-access-token`), for calls
 * made on their behalf. It cannot be refreshed by the app: a 401 means the user must sign in again.
 */
export function forwardedUserToken(accessToken: string): TokenSource {
  if (!accessToken) throw new Error("No forwarded user token: is user authorization enabled for the app?");
  return { identity: "user", token: async () => accessToken, invalidate: () => undefined };
}
