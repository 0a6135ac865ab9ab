import type { z } from "zod";
import { forwardedUserToken, type TokenSource } from "./auth.ts";
import { DatabricksApiError, errorFromResponse } from "./errors.ts";
import { workspaceUrl } from "./host.ts";
import { type RetryPolicy, withRetries } from "./retry.ts";

export interface WorkspaceClientOptions {
  /** DATABRICKS_HOST, with or without scheme. */
  host: string;
  auth: TokenSource;
  fetch?: typeof fetch;
  retry?: Partial<RetryPolicy>;
}

export interface ApiRequest<T> {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  /** Path from the workspace root, e.g. `/api/2.0/sql/statements`. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  /** The documented response; the answer is validated against it at the boundary. */
  response: z.ZodType<T>;
  /** Names the call in errors, e.g. "Genie start conversation". */
  operation: string;
  /**
   * Whether 429/503 may be retried. Default: GET and DELETE yes (idempotent), POST and PATCH no,
   * unless the caller knows a refused POST did no work (then pass true).
   */
  retry?: boolean;
}

/** JSON calls to one workspace: bearer auth from a TokenSource, retries, the error envelope, zod at the boundary. */
export interface WorkspaceClient {
  readonly host: string;
  readonly auth: TokenSource;
  request<T>(request: ApiRequest<T>): Promise<T>;
  /** The same workspace, called as the signed-in user (their forwarded token) instead. */
  asUser(accessToken: string): WorkspaceClient;
}

export function workspaceClient(options: WorkspaceClientOptions): WorkspaceClient {
  const host = workspaceUrl(options.host);
  const doFetch = options.fetch ?? fetch;

  const once = async <T>(request: ApiRequest<T>, refreshed = false): Promise<T> => {
    const query = Object.entries(request.query ?? {}).flatMap(([k, v]): [string, string][] =>
      v === undefined ? [] : [[k, String(v)]],
    );
    const url = `${host}${request.path}${query.length ? `?${new URLSearchParams(query)}` : ""}`;
    const token = await options.auth.token();
    const response = await doFetch(url, {
      method: request.method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(request.body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
    }).catch((error: Error) => {
      throw new DatabricksApiError({
        operation: request.operation,
        kind: "unreachable",
        status: 0,
        serverMessage: `could not reach ${host} (${error.message}).`,
        hint: "Check DATABRICKS_HOST and the network; the call may or may not have taken effect.",
      });
    });
    const text = await response.text();
    if (!response.ok) {
      const error = errorFromResponse(request.operation, response.status, text, response.headers);
      // A token the server no longer accepts (e.g. revoked early): fetch a fresh one and try once more.
      if (response.status === 401 && !refreshed && options.auth.identity === "service-principal") {
        options.auth.invalidate(token);
        return once(request, true);
      }
      throw error;
    }
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : {};
    } catch {
      throw malformed(request.operation, response.status, `the body is not JSON: ${text.slice(0, 120)}`);
    }
    const parsed = request.response.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw malformed(
        request.operation,
        response.status,
        `${issue?.path.join(".") || "body"}: ${issue?.message}`,
      );
    }
    return parsed.data;
  };

  const client: WorkspaceClient = {
    host,
    auth: options.auth,
    request(request) {
      const retry = request.retry ?? (request.method === "GET" || request.method === "DELETE");
      return retry ? withRetries(request.operation, options.retry, () => once(request)) : once(request);
    },
    asUser: (accessToken) => workspaceClient({ ...options, auth: forwardedUserToken(accessToken) }),
  };
  return client;
}

function malformed(operation: string, status: number, what: string): DatabricksApiError {
  return new DatabricksApiError({
    operation,
    kind: "malformed-response",
    status,
    serverMessage: `unexpected answer (${what}).`,
    hint: "The answer does not match the documented API: a proxy may be in the way, or DATABRICKS_HOST is not a workspace.",
  });
}
