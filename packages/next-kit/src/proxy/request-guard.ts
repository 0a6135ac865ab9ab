// Next decodes a server action's body before any kit code runs, and answers a body it cannot decode
// (empty, truncated JSON, a cut-off multipart form) or one over its size limit with a 500. Every kit's
// src/proxy.ts runs this guard first, so those requests get a 400 or 413 that says what was wrong.

/** Largest server-action body a kit accepts; kitNextConfig gives Next the same limit. */
export const ACTION_BODY_LIMIT_BYTES = 1024 * 1024;

/** Why a request cannot be handled, as the status and message to answer with. */
export interface RequestProblem {
  status: 400 | 413;
  message: string;
}

const MULTIPART = /^multipart\/form-data\s*;.*\bboundary=(?:"([^"]+)"|([^\s;]+))/i;

/** Whether `request` carries a server action: Next's fetch header, or a form posted to a page. */
function isActionPost(request: Request): boolean {
  if (request.method !== "POST") return false;
  if (request.headers.has("next-action")) return true;
  // A form posted without JavaScript carries its action id inside a multipart body; routes under /api parse their own.
  const path = new URL(request.url).pathname;
  return (
    !path.startsWith("/api/") && /^multipart\/form-data/i.test(request.headers.get("content-type") ?? "")
  );
}

/** The problem with a server-action request's body, or null when Next can decode it (other requests: null). */
export async function actionRequestProblem(request: Request): Promise<RequestProblem | null> {
  if (!isActionPost(request)) return null;
  const tooLarge: RequestProblem = {
    status: 413,
    message: `The request is larger than ${ACTION_BODY_LIMIT_BYTES / 1024 / 1024} MB; send less text or fewer items at once.`,
  };
  if (Number(request.headers.get("content-length") ?? 0) > ACTION_BODY_LIMIT_BYTES) return tooLarge;
  const body = new Uint8Array(await request.clone().arrayBuffer());
  if (body.byteLength > ACTION_BODY_LIMIT_BYTES) return tooLarge;
  if (body.byteLength === 0)
    return { status: 400, message: "The request has no body; reload the page and try again." };
  const contentType = request.headers.get("content-type") ?? "";
  if (/^multipart\/form-data/i.test(contentType)) {
    const match = MULTIPART.exec(contentType);
    const boundary = match?.[1] ?? match?.[2];
    if (!boundary)
      return { status: 400, message: "The form data has no boundary; reload the page and try again." };
    // A complete multipart body ends with its closing delimiter; a cut-off one does not.
    const tail = new TextDecoder("latin1").decode(
      body.subarray(Math.max(0, body.byteLength - boundary.length - 8)),
    );
    if (!tail.trimEnd().endsWith(`--${boundary}--`))
      return { status: 400, message: "The form data is incomplete; reload the page and try again." };
    return null;
  }
  try {
    JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(body));
    return null;
  } catch {
    return { status: 400, message: "The request body is not complete JSON; reload the page and try again." };
  }
}

/**
 * Which requests reach a kit's proxy: only those that can carry a body Next would decode as a server
 * action (a `next-action` header, or any content type). Page loads and static files skip it; it costs
 * them about 2 ms each here. Next reads a proxy's `config` only from the file itself, so each kit's
 * src/proxy.ts writes this literal and its wiring test checks that it is equal.
 */
export const KIT_PROXY_MATCHER = [
  { source: "/:path*", has: [{ type: "header", key: "next-action" }] },
  { source: "/:path*", has: [{ type: "header", key: "content-type" }] },
] as const;

/** A kit's proxy (src/proxy.ts re-exports it): refuses undecodable or oversized action posts, passes the rest on. */
export async function kitProxy(request: Request): Promise<Response | undefined> {
  const problem = await actionRequestProblem(request);
  if (!problem) return undefined;
  return Response.json(
    {
      ok: false,
      error: { kind: "invalid", message: problem.message, fieldErrors: { _form: [problem.message] } },
    },
    { status: problem.status },
  );
}
