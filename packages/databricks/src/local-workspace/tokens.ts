import { randomBytes } from "node:crypto";

/** Who a bearer token stands for: the app's service principal (M2M) or a signed-in user (forwarded token). */
export type Principal =
  | { kind: "service-principal"; clientId: string }
  | { kind: "user"; userName: string; groups: readonly string[] };

interface Entry {
  principal: Principal;
  expiresAt: number;
}

/** The workspace's access tokens: minted by the OIDC route, registered for users, checked by every bearer route. */
export interface TokenRegistry {
  /** Mints an opaque access token for `principal` that lapses after `ttlSeconds`. */
  issue(principal: Principal, ttlSeconds: number): string;
  /** Makes a known token (e.g. a user's forwarded token) valid for `ttlSeconds` (default one hour). */
  register(token: string, principal: Principal, ttlSeconds?: number): void;
  /** The principal of a live token; undefined for unknown or expired ones. */
  lookup(token: string | undefined): Principal | undefined;
  /** Makes every token lapse now, as if an hour had passed: the next call with one gets 401. */
  expireAll(): void;
  /** How many tokens `issue` has minted. */
  readonly issued: number;
}

export function tokenRegistry(now: () => number = Date.now): TokenRegistry {
  const entries = new Map<string, Entry>();
  let issued = 0;
  return {
    issue(principal, ttlSeconds) {
      const token = `local-at-${randomBytes(16).toString("hex")}`;
      entries.set(token, { principal, expiresAt: now() + ttlSeconds * 1000 });
      issued += 1;
      return token;
    },
    register(token, principal, ttlSeconds = 3600) {
      entries.set(token, { principal, expiresAt: now() + ttlSeconds * 1000 });
    },
    lookup(token) {
      const entry = token === undefined ? undefined : entries.get(token);
      return entry && entry.expiresAt > now() ? entry.principal : undefined;
    },
    expireAll() {
      for (const entry of entries.values()) entry.expiresAt = 0;
    },
    get issued() {
      return issued;
    },
  };
}
