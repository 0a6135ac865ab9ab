import { decodeLocalIdentity } from "./local-cookie.ts";
import type { Identity, IdentityMode, LocalPerson } from "./types.ts";

/** What the resolver needs from a request, so it runs without Next. */
export interface IdentityRequest {
  headers: Headers;
  localIdentityCookie?: string;
}

export interface IdentityOptions {
  mode: IdentityMode;
  /** People the local switcher offers; the first is who you are before you pick anyone. */
  localPeople: readonly LocalPerson[];
  /** Kit roles of a forwarded user (Databricks Apps mode), from the grant matrix. */
  rolesForUser: (email: string) => readonly string[];
}

/** Thrown when no identity can be established; the wrapper turns it into a 401-style result. */
export class UnauthenticatedError extends Error {
  override name = "UnauthenticatedError";
}

/** Resolves who a request acts for: forwarded headers in Apps mode only, the switcher cookie locally. */
export function resolveIdentity(request: IdentityRequest, options: IdentityOptions): Identity {
  if (options.mode === "databricks-apps") return fromForwardedHeaders(request.headers, options);
  return fromLocalSwitcher(request.localIdentityCookie, options.localPeople);
}

function fromForwardedHeaders(headers: Headers, options: IdentityOptions): Identity {
  const email = headers.get("x-forwarded-email")?.trim();
  if (!email) {
    throw new UnauthenticatedError(
      "No X-Forwarded-Email header on this request. In Databricks Apps the platform adds it; " +
        "call the app through its Databricks Apps URL, not the container port directly.",
    );
  }
  const displayName =
    headers.get("x-forwarded-preferred-username") ?? headers.get("x-forwarded-user") ?? email;
  const accessToken = headers.get("x-forwarded-access-token") ?? undefined;
  return {
    email,
    displayName,
    roles: options.rolesForUser(email),
    source: "databricks-apps",
    ...(accessToken ? { accessToken } : {}),
  };
}

function fromLocalSwitcher(cookie: string | undefined, people: readonly LocalPerson[]): Identity {
  const choice = decodeLocalIdentity(cookie);
  const picked = choice && people.find((p) => p.email === choice.email && p.role === choice.role);
  const person = picked ?? people[0];
  if (!person)
    throw new UnauthenticatedError("The kit declares no local people; add at least one to localPeople.");
  return {
    email: person.email,
    displayName: person.displayName,
    roles: [person.role],
    source: picked ? "local-switcher" : "local-default",
  };
}
