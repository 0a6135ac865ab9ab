import { z } from "zod";
import { formatPath } from "./app-yaml-schema.ts";

/** The user a request acts for. `forwarded`: from Databricks Apps headers; `local`: from the local identity switcher. */
export interface Identity {
  email: string;
  userId: string;
  displayName: string;
  /** The user's OAuth token (on-behalf-of), present only when Apps forwards it. */
  accessToken?: string;
  source: "forwarded" | "local";
}

/** A demo user the local identity switcher can act as; kits define the concrete list. */
export interface LocalUser {
  id: string;
  email: string;
  displayName: string;
  groups: string[];
}

export const localUserSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, { error: "id must use letters, digits, _, . or -" }),
  email: z.email({ error: "email must be an email address" }),
  displayName: z.string().min(1, { error: "displayName must not be empty" }),
  groups: z.array(z.string().min(1)),
});

/** A list of local users with unique ids and emails. */
export const localUsersSchema = z
  .array(localUserSchema)
  .min(1, { error: "define at least one local user" })
  .superRefine((users, ctx) => {
    for (const field of ["id", "email"] as const) {
      const seen = new Set<string>();
      users.forEach((user, index) => {
        const key = user[field].toLowerCase();
        if (seen.has(key))
          ctx.addIssue({
            code: "custom",
            path: [index, field],
            message: `duplicate ${field} ${user[field]}`,
          });
        seen.add(key);
      });
    }
  });

/** Validates a kit's local user list; throws naming each bad field. */
export function defineLocalUsers(users: readonly LocalUser[]): readonly LocalUser[] {
  const parsed = localUsersSchema.safeParse(users);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => `- users${formatPath(issue.path)}: ${issue.message}`);
  throw new Error(`Local users are not valid:\n${lines.join("\n")}`);
}

/** Cookie that carries the local identity switcher's choice (a local user id). Meaningless in Apps mode. */
export const LOCAL_IDENTITY_COOKIE = "appbase_local_user";

/** Headers Databricks Apps sets on each request; trusted only in Apps mode. */
export const forwardedIdentityHeaders = [
  "x-forwarded-email",
  "x-forwarded-user",
  "x-forwarded-preferred-username",
  "x-forwarded-access-token",
] as const;

/** The request could not be tied to a user (e.g. Apps mode without X-Forwarded-Email). */
export class IdentityError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "IdentityError";
  }
}

/** The request tried something the mode forbids: the local identity switcher in Apps mode. Log it and answer 403. */
export class IdentityRefusedError extends IdentityError {
  constructor(message: string) {
    super(message);
    this.name = "IdentityRefusedError";
  }
}
