import { describeIdentity, type GrantsIdentity } from "./identity.ts";

/** Thrown by `assertCan`: carries the permission and identity so callers can log and map it to 403. */
export class PermissionDeniedError extends Error {
  readonly status = 403;
  constructor(
    readonly kit: string,
    readonly permission: string,
    readonly identity: GrantsIdentity,
    readonly roles: readonly string[],
    /** Groups whose members hold the permission: what an admin would add the user to. */
    readonly grantingGroups: readonly string[],
  ) {
    const held =
      roles.length > 0 ? `their roles (${roles.join(", ")}) do not include it` : "they hold no role";
    const fix =
      grantingGroups.length > 0
        ? `ask a ${kit} admin to add them to one of the groups ${grantingGroups.join(", ")}`
        : `no role grants it; add "${permission}" to a role in the ${kit} grant matrix`;
    super(`${describeIdentity(identity)} may not "${permission}" in ${kit}: ${held}; ${fix}.`);
    this.name = "PermissionDeniedError";
  }
}

/** Thrown when a permission name is not declared in the matrix: a programming error, not a denial. */
export class UnknownPermissionError extends Error {
  constructor(
    readonly kit: string,
    readonly permission: string,
  ) {
    super(
      `Permission "${permission}" is not declared in the ${kit} grant matrix; add it to permissions or fix the spelling.`,
    );
    this.name = "UnknownPermissionError";
  }
}
