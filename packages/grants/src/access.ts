import type { GrantsIdentity } from "./identity.ts";
import type { KitMatrix, RoleDeclaration } from "./matrix.ts";
import { PermissionDeniedError, UnknownPermissionError } from "./permission-denied-error.ts";

/** The app roles an identity holds, from its group membership (and named-user bindings). */
export function rolesOf<R extends string>(identity: GrantsIdentity, matrix: KitMatrix<string, R>): R[] {
  const groups = new Set(identity.groups);
  const email = identity.email.toLowerCase();
  const entries = Object.entries<RoleDeclaration<string>>(matrix.roles) as [R, RoleDeclaration<string>][];
  return entries
    .filter(
      ([, decl]) =>
        decl.groups.some((g) => groups.has(g)) || (decl.users ?? []).some((u) => u.toLowerCase() === email),
    )
    .map(([role]) => role);
}

/** Every app permission an identity holds through its roles. */
export function permissionsOf<P extends string>(identity: GrantsIdentity, matrix: KitMatrix<P>): Set<P> {
  const held = new Set<P>();
  const roles = new Set<string>(rolesOf(identity, matrix));
  for (const [role, decl] of Object.entries<RoleDeclaration<P>>(matrix.roles)) {
    if (roles.has(role)) for (const p of decl.permissions) held.add(p);
  }
  return held;
}

/** Whether the identity holds the permission. Throws `UnknownPermissionError` for an undeclared name. */
export function can<P extends string>(
  identity: GrantsIdentity,
  permission: NoInfer<P>,
  matrix: KitMatrix<P>,
): boolean {
  if (!matrix.permissions.includes(permission)) throw new UnknownPermissionError(matrix.kit, permission);
  return permissionsOf(identity, matrix).has(permission);
}

/** Throws `PermissionDeniedError` unless the identity holds the permission. */
export function assertCan<P extends string>(
  identity: GrantsIdentity,
  permission: NoInfer<P>,
  matrix: KitMatrix<P>,
): void {
  if (can(identity, permission, matrix)) return;
  throw new PermissionDeniedError(
    matrix.kit,
    permission,
    identity,
    rolesOf(identity, matrix),
    groupsGranting(permission, matrix),
  );
}

/** The groups whose members hold a permission. */
export function groupsGranting<P extends string>(permission: NoInfer<P>, matrix: KitMatrix<P>): string[] {
  const groups = new Set<string>();
  for (const decl of Object.values<RoleDeclaration<P>>(matrix.roles)) {
    if (decl.permissions.includes(permission)) for (const g of decl.groups) groups.add(g);
  }
  return [...groups];
}

/** Checks bound to one matrix, so call sites read `access.can(identity, "note.write")`. */
export interface KitAccess<P extends string, R extends string> {
  readonly matrix: KitMatrix<P, R>;
  can(identity: GrantsIdentity, permission: P): boolean;
  assertCan(identity: GrantsIdentity, permission: P): void;
  rolesOf(identity: GrantsIdentity): R[];
  permissionsOf(identity: GrantsIdentity): Set<P>;
}

/** Binds the checks to a kit's matrix. */
export function accessFor<P extends string, R extends string>(matrix: KitMatrix<P, R>): KitAccess<P, R> {
  return {
    matrix,
    can: (identity, permission) => can(identity, permission, matrix),
    assertCan: (identity, permission) => assertCan(identity, permission, matrix),
    rolesOf: (identity) => rolesOf(identity, matrix),
    permissionsOf: (identity) => permissionsOf(identity, matrix),
  };
}
