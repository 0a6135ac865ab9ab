import type { IncomingHttpHeaders } from "node:http";
import type { Principal, TokenRegistry } from "./tokens.ts";

/** What a route module answers: a status, a JSON body (a string or bytes are sent as is; omitted: empty body) and extra headers. */
export interface RouteReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** One request as a route module sees it. `body` is parsed JSON (or the form for form posts). */
export interface RouteRequest {
  method: string;
  path: string;
  /** Path parameters named in the route's `path` template, URL-decoded. */
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body; `undefined` for an empty body. A body that is not JSON is answered 400 before the route runs. */
  body: unknown;
  rawBody: string;
  /** The body as received (the Files API's uploads). */
  bytes: Buffer;
  /** Who the bearer token belongs to (`undefined` only on routes with `auth: "none"`). */
  principal: Principal | undefined;
  /** `http://127.0.0.1:<port>`, for links and discovery documents. */
  origin: string;
  tokens: TokenRegistry;
}

/**
 * One API operation of the local workspace. `path` is a template: `{name}` matches one segment,
 * `{name...}` the rest of the path (slashes included), e.g. `/api/2.0/postgres/{operation...}`.
 */
export interface RouteModule {
  /** Stable name used to inject faults and in `seen` records, e.g. `"sql.execute"`. */
  name: string;
  method: "GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  /** `"bearer"` (default): a valid token from the registry is required, else 401 UNAUTHENTICATED. */
  auth?: "bearer" | "none";
  handle(request: RouteRequest): RouteReply | Promise<RouteReply>;
}

/** The platform's error envelope (api-shapes §0.2): both `error_code` and `message`, always. */
export function apiError(
  status: number,
  errorCode: string,
  message: string,
  details?: unknown[],
): RouteReply {
  return { status, body: { error_code: errorCode, message, ...(details ? { details } : {}) } };
}

export function ok(body: unknown): RouteReply {
  return { status: 200, body };
}

/** Compiles a path template into a matcher returning the decoded parameters, or undefined. */
export function pathMatcher(template: string): (path: string) => Record<string, string> | undefined {
  const names: string[] = [];
  const source = template
    .split("/")
    .map((segment) => {
      const rest = /^\{(\w+)\.\.\.\}$/.exec(segment);
      if (rest) {
        names.push(rest[1] as string);
        return "(.+)";
      }
      const one = /^\{(\w+)\}$/.exec(segment);
      if (one) {
        names.push(one[1] as string);
        return "([^/]+)";
      }
      return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    })
    .join("/");
  const regex = new RegExp(`^${source}$`);
  return (path) => {
    const match = regex.exec(path);
    if (!match) return undefined;
    return Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(match[i + 1] ?? "")]));
  };
}
