import { z } from "zod";
import type { LocalPerson } from "./types.ts";

/** Cookie that holds the person picked with the local identity switcher (local mode only). */
export const LOCAL_IDENTITY_COOKIE = "appbase_local_identity";

const cookieSchema = z.object({ email: z.string(), role: z.string() });

/** Encodes the switcher's choice; only email and role are kept, the rest comes from the people list. */
export function encodeLocalIdentity(person: Pick<LocalPerson, "email" | "role">): string {
  return Buffer.from(JSON.stringify({ email: person.email, role: person.role })).toString("base64url");
}

/** Decodes the cookie; anything malformed reads as "no choice made" rather than an error page. */
export function decodeLocalIdentity(value: string | undefined): { email: string; role: string } | undefined {
  if (!value) return undefined;
  try {
    const parsed = cookieSchema.safeParse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
