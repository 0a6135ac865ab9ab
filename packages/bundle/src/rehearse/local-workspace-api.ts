import {
  lakebaseCredentialRoutes,
  oidcRoutes,
  scimMeRoutes,
  startWorkspaceServer,
} from "@appbase/databricks/local-workspace";

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
  /** Live counts, read from the requests answered. */
  readonly counters: WorkspaceApiCounters;
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

/**
 * The workspace APIs a Lakebase-mode app calls in a rehearsal: OIDC discovery, the M2M token endpoint,
 * `POST /api/2.0/postgres/credentials` and SCIM `Me`, from the shared route modules of
 * `@appbase/databricks/local-workspace` (the same ones the tests' fake workspace serves). With
 * DATABRICKS_HOST pointing here, `@databricks/lakebase` runs unchanged against the local Lakebase.
 */
export async function startLocalWorkspaceApi(options: LocalWorkspaceApiOptions): Promise<LocalWorkspaceApi> {
  const ttl = options.tokenTtlSeconds ?? 3600;
  const lakebase = lakebaseCredentialRoutes({ endpoints: options.endpoints, defaultTtlSeconds: ttl });
  const server = await startWorkspaceServer({
    port: options.port,
    routes: [
      ...oidcRoutes({ clientId: options.clientId, clientSecret: options.clientSecret, ttlSeconds: ttl }),
      ...lakebase.routes,
      ...scimMeRoutes(),
    ],
  });
  for (const user of options.users ?? []) {
    // A rehearsal outlives one hour rarely, but the forwarded token must not lapse before it ends.
    server.tokens.register(
      user.accessToken,
      { kind: "user", userName: user.userName, groups: user.groups },
      24 * 3600,
    );
  }
  const answered = (route: string) => server.seen.filter((s) => s.route === route && s.status === 200).length;
  return {
    url: server.url,
    get counters() {
      return {
        discovery: answered("oidc.discovery"),
        tokens: answered("oidc.token"),
        credentials: answered("postgres.credentials"),
        me: answered("scim.me"),
        rejected: server.seen.filter((s) => s.route !== "unrouted" && s.status >= 400).length,
      };
    },
    isValidCredential: lakebase.isValidCredential,
    close: server.close,
  };
}
