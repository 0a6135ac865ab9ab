import { z } from "zod";
import {
  forwardedIdentityHeaders,
  type Identity,
  IdentityError,
  IdentityRefusedError,
  type LocalUser,
} from "./identity.ts";
import type { RuntimeMode } from "./runtime-mode.ts";

/** Request headers as a fetch `Headers` or a Node-style record (names in any case). */
export type RequestHeaders = Headers | Readonly<Record<string, string | readonly string[] | undefined>>;

function headerReader(headers: RequestHeaders): (name: string) => string | undefined {
  if (typeof (headers as Headers).get === "function") {
    const fetchHeaders = headers as Headers;
    return (name) => fetchHeaders.get(name)?.trim() || undefined;
  }
  const byLowerName = new Map<string, string>();
  for (const [name, value] of Object.entries(
    headers as Record<string, string | readonly string[] | undefined>,
  )) {
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === "string" && first.trim() !== "") byLowerName.set(name.toLowerCase(), first.trim());
  }
  return (name) => byLowerName.get(name);
}

export interface ResolveIdentityOptions {
  mode: RuntimeMode;
  headers: RequestHeaders;
  /** The local identity switcher's choice (a local user id, e.g. from a cookie); must be absent in Apps mode. */
  localIdentity?: string;
  /** Who the switcher can act as, in local mode; the first is the default when nothing is chosen. */
  localUsers?: readonly LocalUser[];
  /** Called in local mode with the forwarded identity headers that were present and ignored, so they can be logged. */
  onIgnoredHeaders?: (headerNames: string[]) => void;
}

const forwardedEmail = z.email();

/** Resolves the user of a request: forwarded headers in Apps mode, the local switcher in local mode, never crossed. */
export function resolveIdentity(options: ResolveIdentityOptions): Identity {
  const header = headerReader(options.headers);
  return options.mode === "apps"
    ? fromForwardedHeaders(header, options.localIdentity)
    : fromLocalSwitcher(header, options);
}

function fromForwardedHeaders(
  header: (name: string) => string | undefined,
  localIdentity: string | undefined,
): Identity {
  if (localIdentity !== undefined && localIdentity !== "") {
    throw new IdentityRefusedError(
      "The local identity switcher does not exist on Databricks Apps: the request carried a local identity " +
        `(${JSON.stringify(localIdentity.slice(0, 64))}) and was refused. The user comes from X-Forwarded-Email.`,
    );
  }
  const email = header("x-forwarded-email");
  if (email === undefined) {
    throw new IdentityError(
      "X-Forwarded-Email is missing: Databricks Apps sets it on every request that passed its sign-in; " +
        "a request without it did not come through the Apps proxy.",
    );
  }
  if (!forwardedEmail.safeParse(email).success) {
    throw new IdentityError(
      `X-Forwarded-Email is not an email address (got ${JSON.stringify(email.slice(0, 64))}).`,
    );
  }
  const identity: Identity = {
    email,
    userId: header("x-forwarded-user") ?? email,
    displayName: header("x-forwarded-preferred-username") ?? email,
    source: "forwarded",
  };
  const accessToken = header("x-forwarded-access-token");
  if (accessToken !== undefined) identity.accessToken = accessToken;
  return identity;
}

function fromLocalSwitcher(
  header: (name: string) => string | undefined,
  options: ResolveIdentityOptions,
): Identity {
  // Anyone can send X-Forwarded-* to a laptop port; only the Apps proxy makes them trustworthy.
  const ignored = forwardedIdentityHeaders.filter((name) => header(name) !== undefined);
  if (ignored.length > 0) options.onIgnoredHeaders?.([...ignored]);

  const users = options.localUsers ?? [];
  if (users.length === 0) {
    throw new IdentityError(
      "No local users are defined: pass localUsers (the kit's demo users) to resolveIdentity.",
    );
  }
  const chosen = options.localIdentity;
  const user =
    chosen === undefined || chosen === "" ? users[0]! : users.find((candidate) => candidate.id === chosen);
  if (!user) {
    throw new IdentityError(
      `Local identity ${JSON.stringify(chosen?.slice(0, 64))} is not a local user; choose one of: ${users.map((u) => u.id).join(", ")}.`,
    );
  }
  return { email: user.email, userId: user.id, displayName: user.displayName, source: "local" };
}
