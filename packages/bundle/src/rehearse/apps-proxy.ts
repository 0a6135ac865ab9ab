import { randomUUID } from "node:crypto";
import { createServer, request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";

/** The signed-in user the proxy forwards, as the Apps proxy does after its sign-in. */
export interface ForwardedUser {
  email: string;
  userName?: string;
  userId?: string;
  /** Forwarded as `x-forwarded-access-token`, as the platform does for an app with user authorization. */
  accessToken?: string;
}

export interface AppsProxy {
  url: string;
  requests: number;
  close(): Promise<void>;
}

const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "transfer-encoding",
  "upgrade",
  "te",
  "trailer",
]);

/**
 * A stand-in for the Databricks Apps proxy in front of a rehearsed app: every request reaches the app
 * with the X-Forwarded-* identity headers the platform sets (as the
 * Databricks CLI's local app runner does), and identity headers a client sent itself are dropped, as the real proxy does.
 */
export async function startAppsProxy(options: {
  target: string;
  user: ForwardedUser;
  port?: number;
}): Promise<AppsProxy> {
  const target = new URL(options.target);
  let requests = 0;
  let origin = "";
  const server = createServer((incoming, outgoing) => {
    requests++;
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(incoming.headers)) {
      if (
        value === undefined ||
        HOP_BY_HOP.has(name) ||
        name.startsWith("x-forwarded-") ||
        name === "x-real-ip"
      )
        continue;
      headers[name] = value;
    }
    Object.assign(headers, {
      host: target.host,
      "x-forwarded-host": new URL(origin).host,
      "x-forwarded-proto": "https",
      "x-forwarded-email": options.user.email,
      "x-forwarded-user": options.user.userId ?? options.user.email,
      "x-forwarded-preferred-username": options.user.userName ?? options.user.email,
      "x-real-ip": incoming.socket.remoteAddress ?? "127.0.0.1",
      "x-request-id": randomUUID(),
      ...(options.user.accessToken ? { "x-forwarded-access-token": options.user.accessToken } : {}),
    });
    const upstream = httpRequest(
      { hostname: target.hostname, port: target.port, method: incoming.method, path: incoming.url, headers },
      (response) => {
        const back: Record<string, string | string[]> = {};
        for (const [name, value] of Object.entries(response.headers)) {
          if (value !== undefined && !HOP_BY_HOP.has(name)) back[name] = value;
        }
        outgoing.writeHead(response.statusCode ?? 502, back);
        response.pipe(outgoing);
      },
    );
    upstream.on("error", (error) => {
      if (!outgoing.headersSent) outgoing.writeHead(502, { "content-type": "text/plain" });
      outgoing.end(`The app did not answer: ${error.message}`);
    });
    incoming.pipe(upstream);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    get requests() {
      return requests;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
