import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { z } from "zod";
import { httpStatusOf, LocalBranchError } from "./branch-errors.ts";
import type { BranchHost } from "./branch-host.ts";

const MAX_BODY_BYTES = 64 * 1024;
const isoTime = z.iso.datetime({ offset: true }).transform((value) => new Date(value));
const branchId = z.string().max(63);

const createBody = z.strictObject({
  name: branchId,
  parent: branchId.optional(),
  at: isoTime.optional(),
  ttlSeconds: z
    .number()
    .int()
    .min(60)
    .max(30 * 86_400)
    .optional(),
});
const restoreBody = z.strictObject({ at: isoTime, backup: branchId.optional() });
const expiryBody = z.strictObject({ expireTime: isoTime.nullable() });

/**
 * The branch host's control API, a small JSON-over-HTTP surface on 127.0.0.1 that the CLI's local
 * branch adapter calls (`@appbase/branches`). Errors come back as `{error_code, message}` with
 * Lakebase's codes and statuses.
 */
export async function serveBranchControl(
  host: BranchHost,
  port = 0,
): Promise<{ url: string; stop(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    handle(host, request, response).catch((error: unknown) => sendError(response, error));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : port}`;
  return { url, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function handle(host: BranchHost, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const { pathname } = new URL(request.url ?? "/", "http://control");
  const parts = pathname.split("/").filter(Boolean).map(decodeURIComponent);
  const method = request.method ?? "GET";
  const send = (body: unknown) => sendJson(response, 200, body);
  if (parts[0] === "expired" && method === "POST") return send({ deleted: await host.deleteExpired() });
  if (parts[0] !== "branches")
    throw new LocalBranchError("NOT_FOUND", `No route ${method} ${pathname.slice(0, 100)}.`);
  const [, name, action] = parts;
  if (name === undefined) {
    if (method === "GET") return send({ branches: host.list() });
    if (method === "POST") {
      const body = parse(createBody, await readJson(request));
      return send(await host.create(body));
    }
  } else if (action === undefined) {
    if (method === "GET") return send(host.get(name));
    if (method === "DELETE") return send(await host.delete(name).then(() => ({})));
    if (method === "PATCH") {
      const { expireTime } = parse(expiryBody, await readJson(request));
      return send(await host.setExpiry(name, expireTime ?? undefined));
    }
  } else if (action === "reset" && method === "POST") {
    return send(await host.reset(name));
  } else if (action === "restore" && method === "POST") {
    const body = parse(restoreBody, await readJson(request));
    return send(await host.restore(name, body.at, body.backup));
  } else if (action === "snapshots") {
    if (method === "GET") return send({ snapshots: host.snapshots(name) });
    if (method === "POST") return send(await host.snapshot(name));
  }
  throw new LocalBranchError("NOT_FOUND", `No route ${method} ${pathname.slice(0, 100)}.`);
}

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.map((issue) => `${issue.path.join(".") || "(body)"}: ${issue.message}`);
  throw new LocalBranchError("INVALID_PARAMETER_VALUE", fields.join("; "));
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES)
      throw new LocalBranchError("INVALID_PARAMETER_VALUE", "The request body is over 64 KB.");
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new LocalBranchError("INVALID_PARAMETER_VALUE", "The request body is not JSON.");
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}

function sendError(response: ServerResponse, error: unknown): void {
  if (error instanceof LocalBranchError) {
    sendJson(response, httpStatusOf[error.code], { error_code: error.code, message: error.message });
  } else {
    sendJson(response, 500, {
      error_code: "INTERNAL_ERROR",
      message: error instanceof Error ? error.message : String(error),
    });
  }
}
