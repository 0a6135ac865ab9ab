import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One request the fake saw, for assertions. */
export interface SeenRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  body: unknown;
}

interface FakeTrace {
  trace_id: string;
  trace_metadata: Record<string, string>;
  assessments: Record<string, unknown>[];
}

type Fault = { status: number; body: unknown } | "lose-response";

/**
 * A local Databricks workspace for tests, following databricks-api-shapes.md: OAuth M2M token (§6),
 * MLflow 3 traces search / get / create assessment (§3), serving chat completions (§5). Faults are
 * queued per route: an HTTP error with an envelope, or "lose-response" (the call takes effect but the
 * connection drops before the answer).
 */
export async function startFakeWorkspace(options: { clientId?: string; clientSecret?: string } = {}) {
  const clientId = options.clientId ?? "app-client";
  const clientSecret = options.clientSecret ?? "app-secret";
  const seen: SeenRequest[] = [];
  const traces: FakeTrace[] = [];
  const faults = new Map<string, Fault[]>();
  const chatReplies: unknown[] = [];
  let tokens = 0;

  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  };
  const readBody = async (req: IncomingMessage): Promise<string> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  };

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://fake");
    const text = await readBody(req);
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = text;
    }
    const path = url.pathname;
    seen.push({ method: req.method ?? "GET", path, authorization: req.headers.authorization, body });

    if (path === "/oidc/v1/token") {
      const expected = `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}`;
      if (req.headers.authorization !== expected || !String(body).includes("grant_type=client_credentials")) {
        return send(res, 401, { error: "invalid_client", error_description: "Client authentication failed" });
      }
      tokens += 1;
      return send(res, 200, {
        access_token: `token-${tokens}`,
        token_type: "Bearer",
        expires_in: 3600,
        scope: "all-apis",
      });
    }
    if (!req.headers.authorization?.startsWith("Bearer token-")) {
      return send(res, 401, { error_code: "UNAUTHENTICATED", message: "Missing or invalid bearer token." });
    }
    const route = routeOf(req.method ?? "GET", path);
    const fault = faults.get(route)?.shift();
    if (fault && fault !== "lose-response") return send(res, fault.status, fault.body);

    const answer = handle(req.method ?? "GET", path, body);
    if (fault === "lose-response") {
      res.socket?.destroy();
      return;
    }
    send(res, answer.status, answer.body);
  });

  function routeOf(method: string, path: string): string {
    if (path === "/api/3.0/mlflow/traces/search") return "search";
    if (method === "POST" && path === "/api/3.0/mlflow/traces") return "log-trace";
    if (/^\/api\/3\.0\/mlflow\/traces\/[^/]+\/assessments$/.test(path)) return "create-assessment";
    if (method === "GET" && /^\/api\/3\.0\/mlflow\/traces\/[^/]+$/.test(path)) return "get-trace";
    if (/^\/serving-endpoints\/[^/]+\/invocations$/.test(path)) return "invocations";
    return "other";
  }

  function handle(method: string, path: string, body: unknown): { status: number; body: unknown } {
    const route = routeOf(method, path);
    if (route === "search") {
      const filter = String((body as { filter?: string }).filter ?? "");
      const session = /^metadata\.`mlflow\.trace\.session` = '((?:[^']|'')*)'$/
        .exec(filter)?.[1]
        ?.replaceAll("''", "'");
      if (session === undefined) {
        return {
          status: 400,
          body: { error_code: "INVALID_PARAMETER_VALUE", message: `Unsupported filter: ${filter}` },
        };
      }
      const found = traces.filter((t) => t.trace_metadata["mlflow.trace.session"] === session).reverse();
      return { status: 200, body: { traces: found.slice(0, 1) } };
    }
    if (route === "log-trace") {
      const info = (body as { trace: { trace_info: FakeTrace } }).trace.trace_info;
      const stored = { ...info, assessments: [] };
      traces.push(stored);
      return { status: 200, body: { trace: { trace_info: stored } } };
    }
    const traceId = decodeURIComponent(path.split("/")[5] ?? "");
    const trace = traces.find((t) => t.trace_id === traceId);
    if (route === "get-trace" || route === "create-assessment") {
      if (!trace) {
        return {
          status: 404,
          body: { error_code: "RESOURCE_DOES_NOT_EXIST", message: `Trace ${traceId} not found.` },
        };
      }
      if (route === "get-trace") return { status: 200, body: { trace: { trace_info: trace } } };
      const assessment = {
        ...(body as { assessment: Record<string, unknown> }).assessment,
        assessment_id: `a-${randomUUID().replaceAll("-", "")}`,
        trace_id: traceId,
        create_time: new Date().toISOString(),
        last_update_time: new Date().toISOString(),
        valid: true,
      };
      trace.assessments.push(assessment);
      return { status: 200, body: { assessment } };
    }
    if (route === "invocations") {
      const reply = chatReplies.shift();
      if (!reply)
        return {
          status: 500,
          body: { error_code: "INTERNAL_ERROR", message: "The fake has no reply queued." },
        };
      return { status: 200, body: reply };
    }
    return { status: 404, body: { error_code: "ENDPOINT_NOT_FOUND", message: `No API at ${path}.` } };
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: `http://127.0.0.1:${port}`,
    clientId,
    clientSecret,
    seen,
    /** Adds a trace whose session metadata is the thread id; returns its id. */
    addTrace(threadId: string): string {
      const trace_id = `tr-${randomUUID().replaceAll("-", "")}`;
      traces.push({ trace_id, trace_metadata: { "mlflow.trace.session": threadId }, assessments: [] });
      return trace_id;
    },
    /** Every trace the fake holds, with what was logged. */
    traces: () => traces,
    assessmentsOn(traceId: string): Record<string, unknown>[] {
      return traces.find((t) => t.trace_id === traceId)?.assessments ?? [];
    },
    fail(
      route: "search" | "create-assessment" | "get-trace" | "invocations" | "log-trace",
      fault: Fault,
    ): void {
      faults.set(route, [...(faults.get(route) ?? []), fault]);
    },
    /** Queues the body of the next chat completions response. */
    replyWith(body: unknown): void {
      chatReplies.push(body);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type FakeWorkspace = Awaited<ReturnType<typeof startFakeWorkspace>>;
