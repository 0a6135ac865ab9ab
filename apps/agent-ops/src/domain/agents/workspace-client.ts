import { z } from "zod";

/** A Databricks API call that failed; `message` says what to check, `status` is the HTTP status (0: unreachable). */
export class WorkspaceApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly errorCode: string | undefined,
  ) {
    super(message);
    this.name = "WorkspaceApiError";
  }
}

export interface WorkspaceCredentials {
  /** Workspace origin, e.g. https://<workspace-host> (http:// for a local fake). */
  host: string;
  clientId: string;
  clientSecret: string;
}

export interface WorkspaceClientOptions extends WorkspaceCredentials {
  fetch?: typeof fetch;
  /** Delays before each retry of a 429/5xx or unreachable call (the number of retries is its length). */
  retryDelaysMs?: readonly number[];
}

const tokenResponse = z.object({ access_token: z.string().min(1), expires_in: z.coerce.number().positive() });
// §0.2 envelope, plus the serving wrapper that nests it under external_model_message.
const errorBody = z.object({
  error_code: z.string().optional(),
  message: z.string().optional(),
  error: z.string().optional(),
  external_model_message: z
    .object({ error_code: z.string().optional(), message: z.string().optional() })
    .optional(),
});

const RETRYABLE = new Set([429, 500, 502, 503, 504]);
const DEFAULT_RETRY_DELAYS_MS = [500, 2_000, 5_000];

/** Reads a failed response into one sentence naming the call, the status and the server's own words. */
async function failureOf(response: Response, what: string): Promise<WorkspaceApiError> {
  const text = await response.text().catch(() => "");
  let parsed: z.infer<typeof errorBody> | undefined;
  try {
    parsed = errorBody.parse(JSON.parse(text));
  } catch {
    parsed = undefined;
  }
  const code = parsed?.error_code ?? parsed?.external_model_message?.error_code;
  const said =
    parsed?.message ??
    parsed?.external_model_message?.message ??
    parsed?.error ??
    (text.slice(0, 300) || response.statusText);
  return new WorkspaceApiError(
    `${what} failed (HTTP ${response.status}${code ? ` ${code}` : ""}): ${said}`,
    response.status,
    code,
  );
}

/**
 * JSON calls to a Databricks workspace as the app's service principal: OAuth M2M token from
 * `{host}/oidc/v1/token` (cached until 40 s before expiry, one refresh shared by concurrent callers),
 * retries on 429 and 5xx, errors that name the call and quote the server.
 */
export function workspaceClient(options: WorkspaceClientOptions) {
  const doFetch = options.fetch ?? fetch;
  const host = options.host.replace(/\/+$/, "");
  const delays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  let cached: { token: string; expiresAt: number } | undefined;
  let inflight: Promise<string> | undefined;

  const refresh = async (): Promise<string> => {
    const response = await doFetch(`${host}/oidc/v1/token`, {
      method: "POST",
      headers: {
        authorization: `Basic ${Buffer.from(`${options.clientId}:${options.clientSecret}`).toString("base64")}`,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: "grant_type=client_credentials&scope=all-apis",
    }).catch((error: Error) => {
      throw new WorkspaceApiError(
        `Could not reach ${host} for the app's OAuth token: ${error.message}. Check DATABRICKS_HOST.`,
        0,
        undefined,
      );
    });
    const parsed = tokenResponse.safeParse(await response.json().catch(() => ({})));
    if (!response.ok || !parsed.success) {
      throw new WorkspaceApiError(
        `The workspace refused the app's OAuth M2M token (HTTP ${response.status}); check DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET.`,
        response.status,
        undefined,
      );
    }
    cached = { token: parsed.data.access_token, expiresAt: Date.now() + parsed.data.expires_in * 1000 };
    return cached.token;
  };
  const token = async (): Promise<string> => {
    if (cached && cached.expiresAt - Date.now() > 40_000) return cached.token;
    inflight ??= refresh().finally(() => {
      inflight = undefined;
    });
    return inflight;
  };

  /** POST/GET `path` with a JSON body; returns the parsed JSON of a 2xx response. */
  async function request(
    method: "GET" | "POST",
    path: string,
    body: unknown,
    what: string,
  ): Promise<unknown> {
    for (let attempt = 0; ; attempt += 1) {
      let response: Response | undefined;
      let failure: WorkspaceApiError;
      try {
        response = await doFetch(`${host}${path}`, {
          method,
          headers: { authorization: `Bearer ${await token()}`, "content-type": "application/json" },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        if (response.ok) return await response.json().catch(() => ({}));
        failure = await failureOf(response, what);
      } catch (error) {
        if (error instanceof WorkspaceApiError && error.status !== 0) throw error;
        failure =
          error instanceof WorkspaceApiError
            ? error
            : new WorkspaceApiError(
                `${what} failed: could not reach ${host} (${(error as Error).message}).`,
                0,
                undefined,
              );
      }
      const retryable = failure.status === 0 || RETRYABLE.has(failure.status);
      const delay = delays[attempt];
      if (!retryable || delay === undefined) throw failure;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }

  return { host, token, request };
}

export type WorkspaceClient = ReturnType<typeof workspaceClient>;
