import type { RouteModule } from "../route.ts";

export interface OidcOptions {
  clientId: string;
  clientSecret: string;
  /** `expires_in` of minted tokens, in seconds (the platform's is 3600). */
  ttlSeconds?: number;
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
 * OIDC discovery and the OAuth M2M token endpoint (api-shapes §6): client credentials in a Basic
 * header, a form body `grant_type=client_credentials&scope=all-apis`, a numeric `expires_in` and
 * `token_type: "Bearer"`. Errors use the OAuth body (`error`, `error_description`), not the envelope.
 */
export function oidcRoutes(options: OidcOptions): RouteModule[] {
  const ttl = options.ttlSeconds ?? 3600;
  return [
    {
      name: "oidc.discovery",
      method: "GET",
      path: "/oidc/.well-known/oauth-authorization-server",
      auth: "none",
      handle: ({ origin }) => ({
        status: 200,
        body: {
          issuer: `${origin}/oidc`,
          authorization_endpoint: `${origin}/oidc/v1/authorize`,
          token_endpoint: `${origin}/oidc/v1/token`,
        },
      }),
    },
    {
      name: "oidc.token",
      method: "POST",
      path: "/oidc/v1/token",
      auth: "none",
      handle: ({ headers, body, tokens }) => {
        const credentials = basicCredentials(headers.authorization);
        if (credentials?.id !== options.clientId || credentials.secret !== options.clientSecret) {
          return {
            status: 401,
            body: { error: "invalid_client", error_description: "Client authentication failed" },
          };
        }
        const form = (body ?? {}) as Record<string, string>;
        if (form.grant_type !== "client_credentials") {
          return {
            status: 400,
            body: {
              error: "unsupported_grant_type",
              error_description: "only client_credentials is supported",
            },
          };
        }
        const scope = form.scope ?? "all-apis";
        return {
          status: 200,
          body: {
            access_token: tokens.issue({ kind: "service-principal", clientId: options.clientId }, ttl),
            token_type: "Bearer",
            expires_in: ttl,
            scope,
          },
        };
      },
    },
  ];
}
