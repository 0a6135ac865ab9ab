import { z } from "zod";
import { LakehouseError } from "../errors.ts";

const tokenResponse = z.object({
  access_token: z.string().min(1),
  expires_in: z.coerce.number().positive(),
});

/** Refresh this long before expiry, so a statement never leaves with a token about to lapse. */
const REFRESH_MARGIN_MS = 60_000;

/** `https://` + host for a DATABRICKS_HOST given with or without its scheme (both forms occur). */
export function workspaceUrl(host: string): string {
  const trimmed = host.trim().replace(/\/+$/, "");
  return /^https?:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
}

/**
 * OAuth M2M for an app's service principal: client credentials against the workspace's
 * `/oidc/v1/token` (scope all-apis), cached until a minute before expiry; concurrent callers
 * share one refresh.
 */
export function m2mTokenProvider(options: {
  host: string;
  clientId: string;
  clientSecret: string;
  fetch?: typeof fetch;
}): () => Promise<string> {
  const doFetch = options.fetch ?? fetch;
  const endpoint = `${workspaceUrl(options.host)}/oidc/v1/token`;
  let cached: { token: string; expiresAt: number } | undefined;
  let inflight: Promise<string> | undefined;
  const refresh = async (): Promise<string> => {
    let response: Response;
    try {
      response = await doFetch(endpoint, {
        method: "POST",
        headers: {
          authorization: `Basic ${Buffer.from(`${options.clientId}:${options.clientSecret}`).toString("base64")}`,
          "content-type": "application/x-www-form-urlencoded",
        },
        body: "grant_type=client_credentials&scope=all-apis",
      });
    } catch (error) {
      throw new LakehouseError(
        "HTTP_ERROR",
        `Could not reach ${endpoint} for the app's OAuth token: ${(error as Error).message}. Check DATABRICKS_HOST.`,
      );
    }
    const parsed = tokenResponse.safeParse(await response.json().catch(() => ({})));
    if (!response.ok || !parsed.success) {
      throw new LakehouseError(
        "UNAUTHENTICATED",
        `The workspace refused the app's OAuth M2M token request (HTTP ${response.status}); check DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET (injected by Databricks Apps for the app's service principal).`,
      );
    }
    cached = { token: parsed.data.access_token, expiresAt: Date.now() + parsed.data.expires_in * 1000 };
    return cached.token;
  };
  return async () => {
    if (cached && cached.expiresAt - Date.now() > REFRESH_MARGIN_MS) return cached.token;
    inflight ??= refresh().finally(() => {
      inflight = undefined;
    });
    return inflight;
  };
}
