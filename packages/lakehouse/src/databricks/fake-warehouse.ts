import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";

// Test support: a local SQL Statement Execution API that follows the documented request and
// response shapes (reference §0.2 and §1), so the client is exercised over real HTTP.

const requestSchema = z.object({
  warehouse_id: z.string().min(1),
  statement: z.string().min(1),
  catalog: z.string().optional(),
  schema: z.string().optional(),
  parameters: z
    .array(
      z
        .object({ name: z.string(), value: z.string().nullable().optional(), type: z.string().optional() })
        .strict(),
    )
    .optional(),
  wait_timeout: z
    .string()
    .regex(/^(0|[5-9]|[1-4]\d|50)s$/)
    .optional(),
  on_wait_timeout: z.enum(["CONTINUE", "CANCEL"]).optional(),
  disposition: z.enum(["INLINE", "EXTERNAL_LINKS"]).optional(),
  format: z.enum(["JSON_ARRAY", "ARROW_STREAM", "CSV"]).optional(),
  row_limit: z.number().optional(),
  byte_limit: z.number().optional(),
});
export type ExecuteStatementRequest = z.infer<typeof requestSchema>;

/** How the fake answers one statement. */
export interface StatementPlan {
  /** GET polls answered PENDING then RUNNING before the final state. */
  polls?: number;
  columns?: string[];
  rows?: (string | null)[][];
  /** Rows per result chunk; more rows than this produce chunk links. */
  chunkSize?: number;
  failed?: { error_code: string; message: string; sql_state?: string };
  end?: "CANCELED" | "CLOSED";
  httpError?: { status: number; body: unknown };
  /** Refuse the submission with httpError this many times, then accept it (default: always refuse). */
  httpErrorTimes?: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  body: unknown;
}

interface Live {
  plan: StatementPlan;
  pollsLeft: number;
  cancelled: boolean;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "Content-Type": "application/json" });
  res.end(JSON.stringify(body));
}

async function readText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return "malformed";
  }
}

/** The workspace OAuth token endpoint the fake also serves: client credentials for an app's service principal. */
export interface FakeOAuthClient {
  clientId: string;
  clientSecret: string;
  /** Token lifetime in seconds (default 3600). */
  expiresIn?: number;
}

/**
 * Starts the fake on a free port; `plan` decides the answer for each executed statement. With
 * `oauth`, `POST /oidc/v1/token` (client_credentials, Basic auth) hands out `expectedToken`.
 */
export async function startFakeWarehouse(
  plan: (request: ExecuteStatementRequest) => StatementPlan,
  expectedToken = "test-token",
  oauth?: FakeOAuthClient,
) {
  const requests: RecordedRequest[] = [];
  const executed: ExecuteStatementRequest[] = [];
  const live = new Map<string, Live>();
  const refusals = new Map<string, number>();
  let tokensIssued = 0;

  const chunkOf = (id: string, p: StatementPlan, index: number) => {
    const size = p.chunkSize ?? 1000;
    const rows = p.rows ?? [];
    const slice = rows.slice(index * size, (index + 1) * size);
    const hasNext = (index + 1) * size < rows.length;
    return {
      chunk_index: index,
      row_offset: index * size,
      row_count: slice.length,
      data_array: slice,
      ...(hasNext
        ? {
            next_chunk_index: index + 1,
            next_chunk_internal_link: `/api/2.0/sql/statements/${id}/result/chunks/${index + 1}?row_offset=${(index + 1) * size}`,
          }
        : {}),
    };
  };

  const response = (id: string, l: Live) => {
    if (l.cancelled) return { statement_id: id, status: { state: "CANCELED" } };
    if (l.pollsLeft > 0)
      return { statement_id: id, status: { state: l.pollsLeft > 1 ? "PENDING" : "RUNNING" } };
    const p = l.plan;
    if (p.failed) {
      return {
        statement_id: id,
        status: {
          state: "FAILED",
          ...(p.failed.sql_state ? { sql_state: p.failed.sql_state } : {}),
          error: { error_code: p.failed.error_code, message: p.failed.message },
        },
      };
    }
    if (p.end) return { statement_id: id, status: { state: p.end } };
    const columns = p.columns ?? [];
    const rows = p.rows ?? [];
    const size = p.chunkSize ?? 1000;
    const chunkCount = Math.max(1, Math.ceil(rows.length / size));
    return {
      statement_id: id,
      status: { state: "SUCCEEDED" },
      manifest: {
        format: "JSON_ARRAY",
        schema: {
          column_count: columns.length,
          columns: columns.map((name, position) => ({
            name,
            position,
            type_name: "STRING",
            type_text: "STRING",
          })),
        },
        total_chunk_count: chunkCount,
        chunks: Array.from({ length: chunkCount }, (_, i) => ({
          chunk_index: i,
          row_offset: i * size,
          row_count: Math.min(size, rows.length - i * size),
        })),
        total_row_count: rows.length,
        truncated: false,
      },
      result: chunkOf(id, p, 0),
    };
  };

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://fake");
    const rawText = await readText(req);
    const body = parseJson(rawText);
    requests.push({
      method: req.method ?? "",
      path: `${url.pathname}${url.search}`,
      authorization: req.headers.authorization,
      body,
    });
    if (oauth && req.method === "POST" && url.pathname === "/oidc/v1/token") {
      const basic = `Basic ${Buffer.from(`${oauth.clientId}:${oauth.clientSecret}`).toString("base64")}`;
      const form = new URLSearchParams(typeof rawText === "string" ? rawText : "");
      if (req.headers.authorization !== basic)
        return send(res, 401, { error: "invalid_client", error_description: "Client authentication failed" });
      if (form.get("grant_type") !== "client_credentials" || form.get("scope") !== "all-apis")
        return send(res, 400, { error: "invalid_request", error_description: "Unsupported grant or scope" });
      tokensIssued += 1;
      return send(res, 200, {
        access_token: expectedToken,
        token_type: "Bearer",
        scope: "all-apis",
        expires_in: oauth.expiresIn ?? 3600,
      });
    }
    if (req.headers.authorization !== `Bearer ${expectedToken}`) {
      return send(res, 401, { error_code: "UNAUTHENTICATED", message: "Invalid access token." });
    }
    const parts = url.pathname.split("/").filter(Boolean); // api 2.0 sql statements {id} …
    if (req.method === "POST" && url.pathname === "/api/2.0/sql/statements") {
      const parsed = requestSchema.safeParse(body);
      if (!parsed.success) {
        return send(res, 400, {
          error_code: "INVALID_PARAMETER_VALUE",
          message: `${parsed.error.issues[0]?.path.join(".")}: ${parsed.error.issues[0]?.message}`,
        });
      }
      executed.push(parsed.data);
      const p = plan(parsed.data);
      if (p.httpError) {
        const key = parsed.data.statement;
        const refused = (refusals.get(key) ?? 0) + 1;
        refusals.set(key, refused);
        if (p.httpErrorTimes === undefined || refused <= p.httpErrorTimes)
          return send(res, p.httpError.status, p.httpError.body);
      }
      const id = randomUUID();
      const l: Live = { plan: p, pollsLeft: p.polls ?? 0, cancelled: false };
      live.set(id, l);
      // With polls planned, the wait timeout "expires" and the statement is still pending.
      return send(
        res,
        200,
        l.pollsLeft > 0 ? { statement_id: id, status: { state: "PENDING" } } : response(id, l),
      );
    }
    const id = parts[4] ?? "";
    const l = live.get(id);
    if (!l) return send(res, 404, { error_code: "NOT_FOUND", message: `Statement ${id} not found.` });
    if (req.method === "GET" && parts.length === 5) {
      if (l.pollsLeft > 0) l.pollsLeft -= 1;
      return send(res, 200, response(id, l));
    }
    if (req.method === "GET" && parts[5] === "result" && parts[6] === "chunks") {
      return send(res, 200, chunkOf(id, l.plan, Number(parts[7])));
    }
    if (req.method === "POST" && parts[5] === "cancel") {
      l.cancelled = true;
      return send(res, 200, {});
    }
    return send(res, 404, {
      error_code: "ENDPOINT_NOT_FOUND",
      message: `No route ${req.method} ${url.pathname}.`,
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    executed,
    /** How many OAuth tokens the token endpoint handed out. */
    tokensIssued: () => tokensIssued,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
