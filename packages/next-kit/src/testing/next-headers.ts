import { LOCAL_IDENTITY_COOKIE } from "@appbase/bindings";

// A stand-in for `next/headers` so a kit's wrapped actions run in Vitest as a chosen local user:
//   vi.mock("next/headers", async () => (await import("@appbase/next-kit/testing")).testNextHeaders);

let localUserId: string | undefined;

/** The local user the next action call acts as (the switcher cookie's value), or nobody. */
export function actAsLocalUser(userId: string | undefined): void {
  localUserId = userId;
}

/** `headers()` and `cookies()` as `next/headers` exports them, answering with the chosen user. */
export const testNextHeaders = {
  headers: async () => new Headers(),
  cookies: async () => ({
    get: (name: string) =>
      name === LOCAL_IDENTITY_COOKIE && localUserId ? { name, value: localUserId } : undefined,
    set: () => {},
  }),
};
