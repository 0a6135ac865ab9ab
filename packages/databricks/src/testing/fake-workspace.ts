import {
  type Interceptor,
  oidcRoutes,
  type Principal,
  type RouteModule,
  type RouteReply,
  scimMeRoutes,
  startWorkspaceServer,
  type WorkspaceServer,
} from "../local-workspace/index.ts";

/**
 * A fault answered instead of (or after) a route, once per injection:
 * - a reply: `{ status, body?, headers? }` (see `rateLimited`, `unavailable`, `malformed`);
 * - `"drop"`: the route runs, then the connection closes before the answer (a lost response);
 * - `"expired-token"`: 401 UNAUTHENTICATED, as when the caller's token lapsed server-side.
 */
export type Fault = RouteReply | "drop" | "expired-token";

/** 429 REQUEST_LIMIT_EXCEEDED with `Retry-After: <seconds>` (omit it with `undefined`). */
export function rateLimited(retryAfterSeconds: number | undefined = 1): RouteReply {
  return {
    status: 429,
    headers: retryAfterSeconds === undefined ? {} : { "retry-after": String(retryAfterSeconds) },
    body: { error_code: "REQUEST_LIMIT_EXCEEDED", message: "Too many requests. Please retry later." },
  };
}

/** 503 TEMPORARILY_UNAVAILABLE, optionally with `Retry-After`. */
export function unavailable(retryAfterSeconds?: number): RouteReply {
  return {
    status: 503,
    headers: retryAfterSeconds === undefined ? {} : { "retry-after": String(retryAfterSeconds) },
    body: { error_code: "TEMPORARILY_UNAVAILABLE", message: "The service is temporarily unavailable." },
  };
}

/** A 2xx whose body is not what the API documents (`text` is sent as is, e.g. an HTML error page). */
export function malformed(text = "<html><body>502 Bad Gateway</body></html>", status = 200): RouteReply {
  return { status, body: text, headers: { "content-type": "text/html" } };
}

export interface FakeWorkspaceOptions {
  /** The app's service principal, for `POST /oidc/v1/token`. Defaults: `fake-client-id` / `fake-client-secret`. */
  clientId?: string;
  clientSecret?: string;
  /** `expires_in` of M2M tokens (default 3600). */
  tokenTtlSeconds?: number;
  /** Route modules beyond OIDC and SCIM `Me` (which are always served). */
  routes?: readonly RouteModule[];
}

export interface FakeWorkspace extends WorkspaceServer {
  /** The host to hand a client, `http://127.0.0.1:<port>`. Same as `url`. */
  host: string;
  clientId: string;
  clientSecret: string;
  /** Queues a fault for the next request to route `name` (e.g. `"sql.execute"`, `"oidc.token"`). */
  inject(route: string, ...faults: Fault[]): void;
  /** Registers a signed-in user's forwarded token, so bearer routes (and SCIM `Me`) accept it. */
  addUser(accessToken: string, user: { userName: string; groups?: readonly string[] }): void;
  /** Requests answered by route `name`. */
  calls(route: string): number;
}

/**
 * One fake Databricks workspace for tests: a real HTTP server on a free port serving OIDC discovery,
 * the M2M token endpoint and SCIM `Me`, plus the route modules given (Genie, SQL statements, serving,
 * MLflow, Lakebase credentials, synced tables, branches …), with per-route fault injection.
 */
export async function startFakeWorkspace(options: FakeWorkspaceOptions = {}): Promise<FakeWorkspace> {
  const clientId = options.clientId ?? "fake-client-id";
  const clientSecret = options.clientSecret ?? "fake-client-secret";
  const faults = new Map<string, Fault[]>();
  const intercept: Interceptor = (route) => {
    const fault = faults.get(route.name)?.shift();
    if (fault === "expired-token") {
      return {
        status: 401,
        body: {
          error_code: "UNAUTHENTICATED",
          message: "The access token is invalid or has expired; get a new one.",
        },
      };
    }
    return fault;
  };
  const server = await startWorkspaceServer({
    routes: [
      ...oidcRoutes({ clientId, clientSecret, ttlSeconds: options.tokenTtlSeconds }),
      ...scimMeRoutes(),
      ...(options.routes ?? []),
    ],
    intercept,
  });
  return {
    ...server,
    host: server.url,
    clientId,
    clientSecret,
    inject(route, ...added) {
      faults.set(route, [...(faults.get(route) ?? []), ...added]);
    },
    addUser(accessToken, user) {
      const principal: Principal = { kind: "user", userName: user.userName, groups: user.groups ?? [] };
      server.tokens.register(accessToken, principal);
    },
    calls: (route) => server.seen.filter((s) => s.route === route).length,
  };
}
