import type { KitMatrix } from "@appbase/grants";

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
