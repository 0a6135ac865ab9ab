import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { apiError, pathMatcher, type RouteModule, type RouteReply, type RouteRequest } from "./route.ts";
import { type TokenRegistry, tokenRegistry } from "./tokens.ts";

/** One request the workspace answered, for assertions and counters. */
export interface SeenRequest {
  /** The route module's name, or `"unrouted"`. */
  route: string;
  method: string;
  path: string;
  status: number;
  authorization: string | undefined;
  body: unknown;
}

/**
 * Runs before a matched route: return a reply to answer instead of the route, `"drop"` to close the
 * connection after the route ran (the call took effect, the answer was lost), or undefined.
 */
export type Interceptor = (route: RouteModule, request: RouteRequest) => RouteReply | "drop" | undefined;

export interface WorkspaceServerOptions {
  routes: readonly RouteModule[];
  /** Default 0: a free port. */
  port?: number;
  tokens?: TokenRegistry;
  intercept?: Interceptor;
}

export interface WorkspaceServer {
  /** `http://127.0.0.1:<port>`: what DATABRICKS_HOST points at. */
  url: string;
  tokens: TokenRegistry;
  seen: SeenRequest[];
  /** Adds route modules; later ones win over earlier ones for the same method and path. */
  use(...routes: RouteModule[]): void;
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function send(response: ServerResponse, reply: RouteReply): void {
  const { body } = reply;
  const bytes = body instanceof Uint8Array;
  response.writeHead(reply.status, {
    ...(bytes ? { "content-type": "application/octet-stream" } : {}),
    ...(body !== undefined && !bytes && typeof body !== "string"
      ? { "content-type": "application/json" }
      : {}),
    ...reply.headers,
  });
  response.end(body === undefined ? "" : bytes || typeof body === "string" ? body : JSON.stringify(body));
}

function parseBody(request: IncomingMessage, text: string): { ok: true; value: unknown } | { ok: false } {
  if (!text) return { ok: true, value: undefined };
  // Raw uploads (the Files API) are the route's to read from `bytes`.
  if (request.headers["content-type"]?.startsWith("application/octet-stream")) {
    return { ok: true, value: undefined };
  }
  if (request.headers["content-type"]?.startsWith("application/x-www-form-urlencoded")) {
    return { ok: true, value: Object.fromEntries(new URLSearchParams(text)) };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/**
 * A local Databricks workspace: a real HTTP server on 127.0.0.1 that answers with the route modules
 * it is given (see `./routes`). It owns the access-token registry, so bearer checks are the same for
 * every API; each route keeps its own state. Used by the rehearsal and, through
 * `@appbase/databricks/testing`, by tests.
 */
export async function startWorkspaceServer(options: WorkspaceServerOptions): Promise<WorkspaceServer> {
  const tokens = options.tokens ?? tokenRegistry();
  const routes: { module: RouteModule; match: ReturnType<typeof pathMatcher> }[] = [];
  const seen: SeenRequest[] = [];
  let origin = "";
  const use = (...modules: RouteModule[]) => {
    for (const module of modules) routes.unshift({ module, match: pathMatcher(module.path) });
  };
  use(...options.routes);

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? "/", "http://local");
    const method = request.method ?? "GET";
    const bytes = await readBody(request);
    const rawBody = bytes.toString("utf8");
    const parsed = parseBody(request, rawBody);
    const record = (route: string, status: number) =>
      seen.push({
        route,
        method,
        path: url.pathname,
        status,
        authorization: request.headers.authorization,
        body: parsed.ok ? (parsed.value ?? (bytes.length ? `<${bytes.length} bytes>` : undefined)) : rawBody,
      });
    const reply = (route: string, answer: RouteReply) => {
      record(route, answer.status);
      send(response, answer);
    };

    const found = routes
      .filter((r) => r.module.method === method)
      .map((r) => ({ module: r.module, params: r.match(url.pathname) }))
      .find((r) => r.params !== undefined);
    const params = found?.params;
    if (!found || !params) {
      return reply(
        "unrouted",
        apiError(404, "ENDPOINT_NOT_FOUND", `No API found for '${method} ${url.pathname}'.`),
      );
    }
    const route = found.module;
    const bearer = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? "")?.[1];
    const principal = tokens.lookup(bearer);
    if (route.auth !== "none" && !principal) {
      return reply(
        route.name,
        apiError(
          401,
          "UNAUTHENTICATED",
          bearer
            ? "The access token is invalid or has expired; get a new one."
            : "Missing bearer token: send Authorization: Bearer <access token>.",
        ),
      );
    }
    if (!parsed.ok) {
      return reply(route.name, apiError(400, "MALFORMED_REQUEST", "The request body is not valid JSON."));
    }
    const routeRequest: RouteRequest = {
      method,
      path: url.pathname,
      params,
      query: url.searchParams,
      headers: request.headers,
      body: parsed.value,
      rawBody,
      bytes,
      principal,
      origin,
      tokens,
    };
    const intercepted = options.intercept?.(route, routeRequest);
    if (intercepted && intercepted !== "drop") return reply(route.name, intercepted);
    const answer = await route.handle(routeRequest);
    if (intercepted === "drop") {
      record(route.name, 0);
      response.socket?.destroy();
      return;
    }
    reply(route.name, answer);
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) {
        send(
          response,
          apiError(500, "INTERNAL_ERROR", error instanceof Error ? error.message : String(error)),
        );
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    tokens,
    seen,
    use,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
