import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Lakehouse } from "@appbase/lakehouse";
import { OtlpDecodeError, type TelemetrySignal } from "@appbase/telemetry/otlp";
import { homeHtml, requestsTable } from "./home-page.ts";
import { escapeHtml, htmlPage } from "./html.ts";
import type { KitStatus } from "./kit-status.ts";
import { openTelemetrySink } from "./telemetry-sink.ts";
import { isTraceId, readTrace, recentRequests, traceHtml } from "./trace-view.ts";

const SIGNALS: Record<string, TelemetrySignal> = {
  "/v1/traces": "spans",
  "/v1/logs": "logs",
  "/v1/metrics": "metrics",
};
const MAX_BODY = 16 * 1024 * 1024;

export interface PlatformServer {
  url: string;
  close(): Promise<void>;
}

/**
 * The local platform's HTTP server (part of `appbase up`): an OTLP/HTTP JSON receiver landing
 * spans, logs and metrics in the local lakehouse (`POST /v1/traces|logs|metrics`, as a collector
 * does), the home page (`GET /`), recent requests (`GET /requests?service=`) and a trace view
 * (`GET /traces/<id>`).
 */
export async function startPlatformServer(options: {
  lakehouse: Lakehouse;
  port: number;
  host?: string;
  kits: () => Promise<KitStatus[]>;
  stateDir: string;
}): Promise<PlatformServer> {
  const sink = await openTelemetrySink(options.lakehouse);
  const server = createServer((req, res) => {
    void route(req, res).catch((error: unknown) => {
      send(
        res,
        500,
        "text/plain",
        `The local platform failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://platform");
    const signal = SIGNALS[url.pathname];
    if (signal) {
      if (req.method !== "POST") return send(res, 405, "text/plain", "OTLP export requests are POSTs.");
      if (!(req.headers["content-type"] ?? "").startsWith("application/json"))
        return send(
          res,
          415,
          "text/plain",
          "The local platform receives OTLP/HTTP JSON: set OTEL_EXPORTER_OTLP_PROTOCOL=http/json.",
        );
      const body = await readBody(req);
      if (body === null)
        return send(res, 413, "text/plain", `An export request may be at most ${MAX_BODY} bytes.`);
      let parsed: unknown;
      try {
        parsed = JSON.parse(body);
      } catch {
        return send(res, 400, "text/plain", "The body is not JSON.");
      }
      try {
        await sink.land(signal, parsed);
      } catch (error) {
        if (error instanceof OtlpDecodeError) return send(res, 400, "text/plain", error.message);
        throw error;
      }
      return send(res, 200, "application/json", "{}");
    }
    if (req.method !== "GET") return send(res, 405, "text/plain", "Only GET here.");
    if (url.pathname === "/") {
      const [kits, recent] = await Promise.all([options.kits(), recentRequests(options.lakehouse, 15)]);
      return send(
        res,
        200,
        "text/html",
        homeHtml(kits, recent, { stateDir: options.stateDir, telemetry: `OTLP/HTTP JSON at this address` }),
      );
    }
    if (url.pathname === "/requests") {
      const service = url.searchParams.get("service")?.slice(0, 200);
      const recent = await recentRequests(options.lakehouse, 100, service ?? undefined);
      return send(
        res,
        200,
        "text/html",
        htmlPage(
          "Requests",
          `<h1>Requests${service ? ` of ${escapeHtml(service)}` : ""}</h1><p><a href="/">Home</a></p>${requestsTable(recent)}`,
        ),
      );
    }
    const trace = /^\/traces\/([^/]+)$/.exec(url.pathname)?.[1];
    if (trace !== undefined) {
      if (!isTraceId(trace)) return send(res, 400, "text/plain", "A trace id is 32 lowercase hex digits.");
      return send(res, 200, "text/html", traceHtml(trace, await readTrace(options.lakehouse, trace)));
    }
    return send(res, 404, "text/plain", "Not found. Try / for the home page.");
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? "127.0.0.1"}:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  if (res.headersSent) return void res.end();
  res.writeHead(status, { "content-type": `${type}; charset=utf-8` }).end(body);
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
