import type { KitMatrix } from "@appbase/grants";
import { kitMatrices } from "@appbase/grants/kits";
import { parseKitUrls } from "./kit-switcher.ts";

/** The kit switcher's entries from APPBASE_KIT_URLS (only `currentKit` when unset), titled from each kit's matrix. */
export function kitLinks(kitUrls: string | undefined, currentKit: string) {
  return parseKitUrls(kitUrls, currentKit).map((k) => ({
    id: k.kit,
    // Kit titles come from each kit's grant matrix, the one place every kit is declared.
    title: (kitMatrices as Record<string, { title: string }>)[k.kit]?.title ?? k.kit,
    url: k.url,
    current: k.current,
  }));
}

/** The local switcher's people with their role names from the kit's grant matrix. */
export function switcherUsers(
  users: ReadonlyArray<{ id: string; email: string; displayName: string; groups: readonly string[] }>,
  matrix: KitMatrix,
) {
  return users.map((u) => ({
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    roles: Object.entries(matrix.roles)
      .filter(([, role]) => role.groups.some((g) => u.groups.includes(g)))
      .map(([name]) => name),
  }));
}

/** The signed-in person's role names, for the header. */
export function roleLabel(identity: { roles: readonly string[] }): string {
  return identity.roles.join(", ") || "no role";
}

/**
 * The header's identity props for AppShell: the local switcher in local mode, else the signed-in
 * person Databricks Apps forwarded, else nothing (no one signed in).
 */
export function shellIdentityProps<User, Action>(options: {
  local: boolean;
  identity: { userId: string; displayName: string; email: string } | null | undefined;
  users: User[];
  action: Action;
}) {
  if (options.local) {
    return {
      identity: {
        users: options.users,
        currentId: options.identity?.userId ?? null,
        action: options.action,
        fieldName: "userId",
      },
    };
  }
  return options.identity
    ? { user: { displayName: options.identity.displayName, email: options.identity.email } }
    : {};
}
