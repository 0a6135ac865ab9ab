import { z } from "zod";

/**
 * The identity a permission check needs. Structural on purpose: `@appbase/bindings`' Identity
 * (email, userId, displayName) plus the groups a kit resolves for the user fits it.
 */
export interface GrantsIdentity {
  readonly email: string;
  readonly userId: string;
  readonly groups: readonly string[];
}

/** Validates an identity at a boundary (e.g. a local identity switcher's payload); extra fields are kept. */
export const grantsIdentitySchema = z.looseObject({
  email: z.string().min(3, "email must be the user's email address"),
  userId: z.string().min(1, "userId must be the Databricks user id"),
  groups: z.array(z.string().min(1)),
});

/** A short description of an identity for error messages. */
export function describeIdentity(identity: GrantsIdentity): string {
  return `${identity.email} (user ${identity.userId})`;
}
