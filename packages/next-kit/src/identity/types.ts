import { z } from "zod";

/** Where an identity came from: forwarded by Databricks Apps, or picked with the local switcher. */
export type IdentitySource = "databricks-apps" | "local-switcher" | "local-default";

/** The person a request acts for, with the kit roles the grant matrix gives them. */
export interface Identity {
  email: string;
  displayName: string;
  roles: readonly string[];
  source: IdentitySource;
  /** The user's own token (on-behalf-of), only in Databricks Apps mode and only when forwarded. */
  accessToken?: string;
}

/** Runtime mode for identity: forwarded headers are trusted only in `databricks-apps`. */
export type IdentityMode = "local" | "databricks-apps";

/** A person the local identity switcher offers. */
export const localPersonSchema = z.object({
  email: z.email("email must be an address such as ada@example.com"),
  displayName: z.string().min(1).max(120),
  role: z.string().min(1).max(64),
});
export type LocalPerson = z.infer<typeof localPersonSchema>;
