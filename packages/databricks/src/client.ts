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
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Path from the workspace root, e.g. `/api/2.0/sql/statements`. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  /** The documented response; the answer is validated against it at the boundary. */
  response: z.ZodType<T>;
  /** Names the call in errors, e.g. "Genie start conversation". */
  operation: string;
  /**
   * Whether 429/503 may be retried. Default: GET and DELETE yes (idempotent), POST, PUT and PATCH no,
   * unless the caller knows a refused POST did no work (then pass true).
   */
  retry?: boolean;
}

/** A call whose body or answer is raw bytes (the Files API): same auth, retries and error envelope. */
export interface BytesRequest {
  method: "GET" | "HEAD" | "PUT" | "DELETE";
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  /** Sent as `application/octet-stream`, unmodified. */
  bytes?: Uint8Array;
  operation: string;
  /** Default: GET, HEAD and DELETE yes; PUT only when the caller knows repeating it is harmless. */
  retry?: boolean;
}

/** A successful answer to a BytesRequest: the headers (metadata for HEAD) and the body. */
export interface BytesResponse {
  status: number;
  headers: Headers;
  bytes: Uint8Array;
}

/** JSON calls to one workspace: bearer auth from a TokenSource, retries, the error envelope, zod at the boundary. */
export interface WorkspaceClient {
  readonly host: string;
  readonly auth: TokenSource;
  request<T>(request: ApiRequest<T>): Promise<T>;
  /** A call with a raw-bytes body or answer; a non-2xx answer is a DatabricksApiError as for `request`. */
  requestBytes(request: BytesRequest): Promise<BytesResponse>;
  /** The same workspace, called as the signed-in user (their forwarded token) instead. */
  asUser(accessToken: string): WorkspaceClient;
}

export function workspaceClient(options: WorkspaceClientOptions): WorkspaceClient {
  const host = workspaceUrl(options.host);
  const doFetch = options.fetch ?? fetch;

  // One HTTP exchange: bearer token, the error envelope on non-2xx, one token refresh on a 401.
  const exchange = async (
    request: {
      method: string;
      path: string;
      operation: string;
      query?: Record<string, string | number | boolean | undefined>;
    },
    body: { type: string; data: string | Uint8Array } | undefined,
    refreshed = false,
  ): Promise<BytesResponse> => {
    const query = Object.entries(request.query ?? {}).flatMap(([k, v]): [string, string][] =>
      v === undefined ? [] : [[k, String(v)]],
    );
    const url = `${host}${request.path}${query.length ? `?${new URLSearchParams(query)}` : ""}`;
    const token = await options.auth.token();
    const response = await doFetch(url, {
      method: request.method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { "content-type": body.type } : {}) },
      // Bytes go as they are; DOM typings want an ArrayBuffer-backed view, which fetch does not need.
      ...(body ? { body: body.data as NonNullable<RequestInit["body"]> } : {}),
    }).catch((error: Error) => {
      throw new DatabricksApiError({
        operation: request.operation,
        kind: "unreachable",
        status: 0,
        serverMessage: `could not reach ${host} (${error.message}).`,
        hint: "Check DATABRICKS_HOST and the network; the call may or may not have taken effect.",
      });
    });
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (!response.ok) {
      const text = new TextDecoder().decode(bytes);
      const error = errorFromResponse(request.operation, response.status, text, response.headers);
      // A token the server no longer accepts (e.g. revoked early): fetch a fresh one and try once more.
      if (response.status === 401 && !refreshed && options.auth.identity === "service-principal") {
        options.auth.invalidate(token);
        return exchange(request, body, true);
      }
      throw error;
    }
    return { status: response.status, headers: response.headers, bytes };
  };

  const once = async <T>(request: ApiRequest<T>): Promise<T> => {
    const body =
      request.body === undefined
        ? undefined
        : { type: "application/json", data: JSON.stringify(request.body) };
    const response = await exchange(request, body);
    const text = new TextDecoder().decode(response.bytes);
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
    requestBytes(request) {
      const body = request.bytes && { type: "application/octet-stream", data: request.bytes };
      const send = () => exchange(request, body);
      const retry = request.retry ?? request.method !== "PUT";
      return retry ? withRetries(request.operation, options.retry, send) : send();
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
