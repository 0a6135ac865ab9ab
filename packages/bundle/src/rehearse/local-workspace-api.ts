import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";

/** What the local workspace API has answered, so a rehearsal can prove the app used Lakebase mode. */
export interface WorkspaceApiCounters {
  discovery: number;
  tokens: number;
  credentials: number;
  /** SCIM `Me` lookups answered (a kit reading the signed-in user's groups with their token). */
  me: number;
  rejected: number;
}

/** A signed-in user the stand-in knows, by the user token the Apps proxy forwards for them. */
export interface LocalWorkspaceUser {
  accessToken: string;
  userName: string;
  groups: readonly string[];
}

export interface LocalWorkspaceApi {
  /** `http://127.0.0.1:<port>`: what DATABRICKS_HOST points at in a rehearsal. */
  url: string;
  counters: WorkspaceApiCounters;
  /** True for a database token this API minted that has not expired: what Lakebase's login checks. */
  isValidCredential(token: string): boolean;
  close(): Promise<void>;
}

export interface LocalWorkspaceApiOptions {
  clientId: string;
  clientSecret: string;
  /** Endpoint paths whose credentials may be minted (the local Lakebase's). */
  endpoints: readonly string[];
  port?: number;
  /** Lifetime of minted OAuth and database tokens, in seconds (the platform's is one hour). */
  tokenTtlSeconds?: number;
  /** Users whose forwarded token `GET /api/2.0/preview/scim/v2/Me` answers for. */
  users?: readonly LocalWorkspaceUser[];
}

const credentialRequestSchema = z.object({
  endpoint: z.string({ error: "endpoint is required: projects/{p}/branches/{b}/endpoints/{e}" }),
  ttl: z
    .string()
    .regex(/^\d+(\.\d+)?s$/, { error: 'ttl must be a duration such as "3600s"' })
    .optional(),
  expire_time: z.string().optional(),
  claims: z.array(z.unknown()).optional(),
});

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}

// The platform's error envelope (api-shapes §0.2): both fields are required or the TS SDK misparses it.
function apiError(response: ServerResponse, status: number, code: string, message: string): void {
  send(response, status, { error_code: code, message });
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  const match = /^Basic\s+(.+)$/i.exec(header ?? "");
  if (!match) return undefined;
  const decoded = Buffer.from(match[1] ?? "", "base64").toString("utf8");
  const at = decoded.indexOf(":");
  return at < 0
    ? undefined
    : { id: decodeURIComponent(decoded.slice(0, at)), secret: decodeURIComponent(decoded.slice(at + 1)) };
}

/**
 * A local stand-in for the workspace APIs a Lakebase-mode app calls (api-shapes §4.1 and §6): OIDC
 * discovery, the M2M token endpoint and `POST /api/2.0/postgres/credentials`. With DATABRICKS_HOST
 * pointing here, `@databricks/lakebase` runs unchanged against the local Lakebase.
 */
export async function startLocalWorkspaceApi(options: LocalWorkspaceApiOptions): Promise<LocalWorkspaceApi> {
  const ttl = options.tokenTtlSeconds ?? 3600;
  const accessTokens = new Set<string>();
  const databaseTokens = new Map<string, number>();
  const counters: WorkspaceApiCounters = { discovery: 0, tokens: 0, credentials: 0, me: 0, rejected: 0 };
  let origin = "";

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const path = new URL(request.url ?? "/", "http://local").pathname;
    if (request.method === "GET" && path === "/oidc/.well-known/oauth-authorization-server") {
      counters.discovery++;
      send(response, 200, {
        issuer: `${origin}/oidc`,
        authorization_endpoint: `${origin}/oidc/v1/authorize`,
        token_endpoint: `${origin}/oidc/v1/token`,
      });
      return;
    }
    if (request.method === "POST" && path === "/oidc/v1/token") {
      const credentials = basicCredentials(request.headers.authorization);
      const form = new URLSearchParams(await readBody(request));
      if (
        !credentials ||
        credentials.id !== options.clientId ||
        credentials.secret !== options.clientSecret
      ) {
        counters.rejected++;
        send(response, 401, { error: "invalid_client", error_description: "Client authentication failed" });
        return;
      }
      if (form.get("grant_type") !== "client_credentials") {
        counters.rejected++;
        send(response, 400, {
          error: "unsupported_grant_type",
          error_description: "only client_credentials is supported",
        });
        return;
      }
      const token = `local-oauth-${randomBytes(16).toString("hex")}`;
      accessTokens.add(token);
      counters.tokens++;
      send(response, 200, {
        access_token: token,
        token_type: "Bearer",
        expires_in: ttl,
        scope: form.get("scope") ?? "all-apis",
      });
      return;
    }
    if (request.method === "POST" && path === "/api/2.0/postgres/credentials") {
      const bearer = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? "")?.[1];
      if (!bearer || !accessTokens.has(bearer)) {
        counters.rejected++;
        apiError(
          response,
          401,
          "UNAUTHENTICATED",
          "Missing or unknown bearer token: get one from /oidc/v1/token first.",
        );
        return;
      }
      let json: unknown;
      try {
        json = JSON.parse((await readBody(request)) || "{}");
      } catch {
        apiError(response, 400, "MALFORMED_REQUEST", "The request body is not JSON.");
        return;
      }
      const parsed = credentialRequestSchema.safeParse(json);
      if (!parsed.success) {
        counters.rejected++;
        apiError(
          response,
          400,
          "INVALID_PARAMETER_VALUE",
          parsed.error.issues.map((issue) => issue.message).join("; "),
        );
        return;
      }
      if (!options.endpoints.includes(parsed.data.endpoint)) {
        counters.rejected++;
        apiError(
          response,
          404,
          "NOT_FOUND",
          `Endpoint ${parsed.data.endpoint} does not exist. Known: ${options.endpoints.join(", ")}.`,
        );
        return;
      }
      const seconds = Math.min(Math.max(Number.parseFloat(parsed.data.ttl ?? `${ttl}`), 300), 3600);
      counters.credentials++;
      const token = `local-pg-${randomBytes(16).toString("hex")}`;
      const expiresAt = Date.now() + seconds * 1000;
      databaseTokens.set(token, expiresAt);
      send(response, 200, { token, expire_time: new Date(expiresAt).toISOString() });
      return;
    }
    if (request.method === "GET" && path === "/api/2.0/preview/scim/v2/Me") {
      const bearer = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? "")?.[1];
      const user = options.users?.find((u) => u.accessToken === bearer);
      if (!user) {
        counters.rejected++;
        apiError(response, 401, "UNAUTHENTICATED", "Missing or unknown user token.");
        return;
      }
      counters.me++;
      send(response, 200, {
        schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
        userName: user.userName,
        emails: [{ value: user.userName, primary: true }],
        groups: user.groups.map((display, i) => ({ display, value: String(1000 + i), type: "direct" })),
        active: true,
      });
      return;
    }
    apiError(
      response,
      404,
      "ENDPOINT_NOT_FOUND",
      `No API ${request.method} ${path} in the local workspace stand-in.`,
    );
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      apiError(response, 500, "INTERNAL_ERROR", error instanceof Error ? error.message : String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    counters,
    isValidCredential: (token) => (databaseTokens.get(token) ?? 0) > Date.now(),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
