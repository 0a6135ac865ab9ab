import {
  type Identity,
  IdentityError,
  IdentityRefusedError,
  type LocalUser,
  type RuntimeMode,
  resolveIdentity,
} from "@appbase/bindings";
import { type KitMatrix, rolesOf } from "@appbase/grants";
import type { KitIdentity } from "./types.ts";

/** What the resolver needs from a request, so it runs without Next. */
export interface IdentityRequest {
  headers: Headers;
  /** The local identity switcher's cookie (a local user id). */
  localIdentityCookie?: string;
}

export interface IdentityOptions {
  mode: RuntimeMode;
  matrix: KitMatrix;
  /** Who the local switcher can act as; the first is the default. */
  localUsers: readonly LocalUser[];
  /**
   * Workspace groups of a forwarded user in Apps mode. Apps forwards no groups, so a kit looks them up
   * (e.g. SCIM `Me` with the forwarded token); without it only the matrix's named users get roles.
   */
  groupsForUser?: (identity: Identity) => Promise<readonly string[]>;
  logger?: Pick<Console, "warn">;
}

export { IdentityError, IdentityRefusedError };

/** Resolves who a request acts for (forwarded headers in Apps mode only, the switcher cookie locally) with groups and roles. */
export async function resolveKitIdentity(
  request: IdentityRequest,
  options: IdentityOptions,
): Promise<KitIdentity> {
  const identity = resolveIdentity({
    mode: options.mode,
    headers: request.headers,
    ...(request.localIdentityCookie ? { localIdentity: request.localIdentityCookie } : {}),
    localUsers: options.localUsers,
    onIgnoredHeaders: (names) =>
      options.logger?.warn(
        `[${options.matrix.kit}] ignored forwarded identity headers in local mode: ${names.join(", ")}`,
      ),
  });
  const groups =
    identity.source === "local"
      ? (options.localUsers.find((u) => u.id === identity.userId)?.groups ?? [])
      : ((await options.groupsForUser?.(identity)) ?? []);
  const withGroups = { ...identity, groups };
  return { ...withGroups, roles: rolesOf(withGroups, options.matrix) };
}
