import { currentUser, forwardedUserToken, workspaceClient } from "@appbase/databricks";

/**
 * The signed-in user's workspace groups, from SCIM `GET /api/2.0/preview/scim/v2/Me` with the user's own
 * (forwarded) token. Databricks Apps forwards who the user is but not their groups, and the grant matrix
 * gives roles by group. Results are cached per user for `ttlMs`; a failed lookup means "no groups" (least
 * privilege) and is logged, never thrown, so a page still renders.
 */
export function workspaceGroups(options: {
  host: string;
  /** Names the kit in the warning a failed lookup logs. */
  kit?: string;
  fetch?: typeof fetch;
  ttlMs?: number;
  logger?: Pick<Console, "warn">;
}) {
  const cache = new Map<string, { groups: string[]; until: number }>();
  return async (identity: { email: string; accessToken?: string }): Promise<string[]> => {
    const cached = cache.get(identity.email);
    if (cached && cached.until > Date.now()) return cached.groups;
    if (!identity.accessToken) return [];
    try {
      const asUser = workspaceClient({
        host: options.host,
        auth: forwardedUserToken(identity.accessToken),
        fetch: options.fetch,
      });
      const { groups } = await currentUser(asUser);
      cache.set(identity.email, { groups, until: Date.now() + (options.ttlMs ?? 5 * 60_000) });
      return groups;
    } catch (error) {
      options.logger?.warn(
        `[${options.kit ?? "app"}] could not read ${identity.email}'s workspace groups (${error instanceof Error ? error.message : String(error)}); ` +
          "treating them as having none. Give the app's user authorization the scope to read the user's identity.",
      );
      return [];
    }
  };
}
