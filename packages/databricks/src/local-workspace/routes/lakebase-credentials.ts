import { randomBytes } from "node:crypto";
import { z } from "zod";
import { apiError, type RouteModule } from "../route.ts";

const ENDPOINT_PATH = /^projects\/[^/]+\/branches\/[^/]+\/endpoints\/[^/]+$/;
const DURATION = /^(\d+(?:\.\d+)?)s$/;

// GenerateDatabaseCredentialRequest (api-shapes §4.1).
const credentialRequest = z.object({
  endpoint: z
    .string({ error: "endpoint is required: projects/{p}/branches/{b}/endpoints/{e}" })
    .regex(ENDPOINT_PATH, { error: "endpoint must be projects/{p}/branches/{b}/endpoints/{e}" }),
  ttl: z.string().regex(DURATION, { error: 'ttl must be a duration such as "3600s"' }).optional(),
  expire_time: z.iso.datetime({ offset: true }).optional(),
  claims: z.array(z.unknown()).optional(),
});

/** One database credential the route minted. */
export interface MintedCredential {
  endpoint: string;
  token: string;
  expiresAt: number;
  /** The identity the token logs in as: the caller's (service principal client id or user name). */
  user: string;
}

export interface LakebaseCredentialOptions {
  /** Endpoint resource paths that exist; others get 404 NOT_FOUND. */
  endpoints: readonly string[];
  /** Lifetime when the request names none, in seconds (platform: 3600). Tests may shorten it. */
  defaultTtlSeconds?: number;
  /** Runs before the credential is answered, e.g. to make it a real Postgres role's password. */
  onCredential?: (credential: MintedCredential) => Promise<void> | void;
}

export interface LakebaseCredentialRoutes {
  routes: RouteModule[];
  minted: MintedCredential[];
  /** Makes requests for `endpoint` fail with 403 PERMISSION_DENIED. */
  deny(endpoint: string): void;
  /** True for a token minted here that has not expired: what the local Lakebase's login checks. */
  isValidCredential(token: string): boolean;
}

/** `POST /api/2.0/postgres/credentials` (Lakebase Autoscaling): `{token, expire_time}` for an endpoint. */
export function lakebaseCredentialRoutes(options: LakebaseCredentialOptions): LakebaseCredentialRoutes {
  const minted: MintedCredential[] = [];
  const denied = new Set<string>();
  const route: RouteModule = {
    name: "postgres.credentials",
    method: "POST",
    path: "/api/2.0/postgres/credentials",
    handle: async ({ body, principal }) => {
      const parsed = credentialRequest.safeParse(body ?? {});
      if (!parsed.success) {
        return apiError(400, "INVALID_PARAMETER_VALUE", parsed.error.issues.map((i) => i.message).join("; "));
      }
      const { endpoint, ttl, expire_time } = parsed.data;
      if (ttl && expire_time) {
        return apiError(400, "INVALID_PARAMETER_VALUE", "Set either ttl or expire_time, not both.");
      }
      const seconds = ttl
        ? Number.parseFloat(DURATION.exec(ttl)?.[1] ?? "0")
        : expire_time
          ? (Date.parse(expire_time) - Date.now()) / 1000
          : (options.defaultTtlSeconds ?? 3600);
      if ((ttl || expire_time) && (seconds < 300 || seconds > 3600)) {
        return apiError(
          400,
          "INVALID_PARAMETER_VALUE",
          "The credential lifetime must be between 300s and 3600s.",
        );
      }
      if (!options.endpoints.includes(endpoint)) {
        return apiError(404, "NOT_FOUND", `Endpoint ${endpoint} does not exist.`);
      }
      if (denied.has(endpoint)) {
        return apiError(
          403,
          "PERMISSION_DENIED",
          `User does not have CAN_CONNECT_AND_CREATE on ${endpoint}.`,
        );
      }
      const credential: MintedCredential = {
        endpoint,
        token: `local-pg-${randomBytes(16).toString("hex")}`,
        expiresAt: Date.now() + seconds * 1000,
        user: principal?.kind === "user" ? principal.userName : (principal?.clientId ?? ""),
      };
      await options.onCredential?.(credential);
      minted.push(credential);
      return {
        status: 200,
        body: { token: credential.token, expire_time: new Date(credential.expiresAt).toISOString() },
      };
    },
  };
  return {
    routes: [route],
    minted,
    deny: (endpoint) => denied.add(endpoint),
    isValidCredential: (token) => minted.some((c) => c.token === token && c.expiresAt > Date.now()),
  };
}
