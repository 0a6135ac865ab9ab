import { LOCAL_IDENTITY_COOKIE } from "@appbase/bindings";
import type { IdentityRequest } from "./resolve.ts";

/** Reads the current request's headers and switcher cookie through `next/headers`. */
export async function nextRequestContext(): Promise<IdentityRequest> {
  const { cookies, headers } = await import("next/headers");
  const [headerList, cookieStore] = await Promise.all([headers(), cookies()]);
  const cookie = cookieStore.get(LOCAL_IDENTITY_COOKIE)?.value;
  return { headers: new Headers(headerList), ...(cookie ? { localIdentityCookie: cookie } : {}) };
}

/** Sets the switcher cookie on the response of the current server action. */
export async function writeNextCookie(name: string, value: string): Promise<void> {
  const { cookies } = await import("next/headers");
  (await cookies()).set(name, value, { httpOnly: true, sameSite: "lax", path: "/" });
}

/** Reads a cookie from a plain `Request` (route handlers), without Next. */
export function cookieFromRequest(request: Request, name: string): string | undefined {
  const header = request.headers.get("cookie");
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return undefined;
}
