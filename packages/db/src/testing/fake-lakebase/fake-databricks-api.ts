import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { z } from "zod";

/** The documented body of `POST /api/2.0/postgres/credentials`. */
const credentialRequest = z.object({
  endpoint: z.string().regex(/^projects\/[^/]+\/branches\/[^/]+\/endpoints\/[^/]+$/),
  ttl: z.string().optional(),
  expire_time: z.string().optional(),
  claims: z.array(z.unknown()).optional(),
});

export interface MintedCredential {
  endpoint: string;
  token: string;
  expiresAt: number;
}

export interface FakeDatabricksOptions {
  clientId: string;
  clientSecret: string;
  /** Endpoints that exist (others get 404). */
  endpoints: string[];
  /** Lifetime of each minted database credential (the real one is 1 h). */
  credentialLifetimeMs?: number;
  /** Runs before a credential is returned, e.g. to make it a real role's password. */
  onCredential?: (credential: MintedCredential) => Promise<void>;
}

export interface FakeDatabricks {
  url: string;
  credentials: MintedCredential[];
  oauthTokenRequests: number;
  /** Makes credential requests for `endpoint` fail with 403 PERMISSION_DENIED. */
  deny(endpoint: string): void;
  /** True for a token this fake minted that has not expired (by `Date.now()`). */
  isValidCredential(token: string): boolean;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

/** The documented error envelope (both `error_code` and `message`, `metadata` on each detail). */
function apiError(res: ServerResponse, status: number, errorCode: string, message: string): void {
  send(res, status, {
    error_code: errorCode,
    message,
    details: [
      {
        "@type": "type.googleapis.com/google.rpc.ErrorInfo",
        reason: errorCode,
        domain: "fake",
        metadata: {},
      },
    ],
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text || "{}");
  } catch {
    return undefined;
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * A local stand-in for the three workspace APIs a Lakebase-mode app calls: OIDC discovery, the
 * M2M token endpoint (Basic auth, client_credentials) and Lakebase database credentials.
 */
export async function startFakeDatabricks(options: FakeDatabricksOptions): Promise<FakeDatabricks> {
  const accessTokens = new Set<string>();
  const denied = new Set<string>();
  const state: FakeDatabricks = {
    url: "",
    credentials: [],
    oauthTokenRequests: 0,
    deny: (endpoint) => denied.add(endpoint),
    isValidCredential: (token) =>
      state.credentials.some((c) => c.token === token && c.expiresAt > Date.now()),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };

  const server = createServer(async (req, res) => {
    const body = await readBody(req);
    const path = new URL(req.url ?? "/", "http://fake").pathname;
    if (req.method === "GET" && path === "/oidc/.well-known/oauth-authorization-server") {
      send(res, 200, {
        authorization_endpoint: `${state.url}/oidc/v1/authorize`,
        token_endpoint: `${state.url}/oidc/v1/token`,
      });
    } else if (req.method === "POST" && path === "/oidc/v1/token") {
      state.oauthTokenRequests++;
      const expected = `Basic ${Buffer.from(`${options.clientId}:${options.clientSecret}`).toString("base64")}`;
      const form = new URLSearchParams(body);
      if (req.headers.authorization !== expected || form.get("grant_type") !== "client_credentials") {
        send(res, 401, { error: "invalid_client", error_description: "Client authentication failed" });
        return;
      }
      const accessToken = `fake-access-${randomBytes(8).toString("hex")}`;
      accessTokens.add(accessToken);
      send(res, 200, {
        access_token: accessToken,
        token_type: "Bearer",
        expires_in: 3600,
        scope: "all-apis",
      });
    } else if (req.method === "POST" && path === "/api/2.0/postgres/credentials") {
      const bearer = req.headers.authorization?.replace(/^Bearer /, "");
      if (!bearer || !accessTokens.has(bearer)) {
        apiError(res, 401, "UNAUTHENTICATED", "Invalid access token.");
        return;
      }
      const parsed = credentialRequest.safeParse(parseJson(body));
      if (!parsed.success) {
        apiError(res, 400, "INVALID_PARAMETER_VALUE", `Invalid request: ${parsed.error.issues[0]?.message}`);
      } else if (!options.endpoints.includes(parsed.data.endpoint)) {
        apiError(res, 404, "NOT_FOUND", `Endpoint ${parsed.data.endpoint} does not exist.`);
      } else if (denied.has(parsed.data.endpoint)) {
        apiError(
          res,
          403,
          "PERMISSION_DENIED",
          `User does not have CAN_CONNECT_AND_CREATE on ${parsed.data.endpoint}.`,
        );
      } else {
        const expiresAt = Date.now() + (options.credentialLifetimeMs ?? 3_600_000);
        const credential = {
          endpoint: parsed.data.endpoint,
          token: `fake-lakebase-${randomBytes(12).toString("hex")}`,
          expiresAt,
        };
        await options.onCredential?.(credential);
        state.credentials.push(credential);
        send(res, 200, { token: credential.token, expire_time: new Date(expiresAt).toISOString() });
      }
    } else {
      apiError(res, 404, "ENDPOINT_NOT_FOUND", `No API found for '${req.method} ${path}'`);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  state.url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  return state;
}
