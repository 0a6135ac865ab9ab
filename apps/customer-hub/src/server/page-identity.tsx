import "server-only";
import type { KitIdentity } from "@appbase/next-kit/identity";
import { ErrorState } from "@appbase/ui/states";
import type { ReactElement } from "react";
import { can, identityOrReason } from "./kit.ts";

/**
 * The viewer of a page who may read customers, or the panel to render instead: not signed in
 * (e.g. Apps request without forwarded headers) or a role without customer.read. Never an error page.
 */
export async function customerReader(): Promise<
  { identity: KitIdentity; refusal?: never } | { identity?: never; refusal: ReactElement }
> {
  const resolved = await identityOrReason();
  if (!resolved.identity) {
    return { refusal: <ErrorState title="You are not signed in" message={resolved.reason} /> };
  }
  if (!can(resolved.identity, "customer.read")) {
    return {
      refusal: (
        <ErrorState
          title="You cannot view customers"
          message="Your role has no customer.read permission. Ask a Customer Hub admin to add you to one of the customer-hub groups, or switch to a role that has it."
        />
      ),
    };
  }
  return { identity: resolved.identity };
}
