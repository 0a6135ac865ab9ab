import { z } from "zod";
import { GenieError } from "./genie-types.ts";

const tokenResponse = z.object({ access_token: z.string().min(1), expires_in: z.coerce.number().positive() });

/** Client-credentials (OAuth M2M) token for the app's service principal, cached until 40 s before expiry. */
export function serviceToken(options: {
  host: string;
  clientId: string;
  clientSecret: string;
  fetch?: typeof fetch;
}) {
  let cached: { token: string; expiresAt: number } | undefined;
  let inflight: Promise<string> | undefined;
  const doFetch = options.fetch ?? fetch;
  const refresh = async (): Promise<string> => {
    const response = await doFetch(`${options.host.replace(/\/+$/, "")}/oidc/v1/token`, {
      method: "POST",
      headers: {
        authorization: `Basic ${Buffer.from(`${options.clientId}:${options.clientSecret}`).toString("base64")}`,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: "grant_type=client_credentials&scope=all-apis",
    });
    const parsed = tokenResponse.safeParse(await response.json().catch(() => ({})));
    if (!response.ok || !parsed.success) {
      throw new GenieError(
        `The app could not get its service-principal token (HTTP ${response.status}); check DATABRICKS_CLIENT_ID/SECRET.`,
      );
    }
    cached = { token: parsed.data.access_token, expiresAt: Date.now() + parsed.data.expires_in * 1000 };
    return cached.token;
  };
  return async (): Promise<string> => {
    if (cached && cached.expiresAt - Date.now() > 40_000) return cached.token;
    // Concurrent callers share one refresh.
    inflight ??= refresh().finally(() => {
      inflight = undefined;
    });
    return inflight;
  };
}
