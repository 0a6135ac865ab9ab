import "server-only";
import type { KitIdentity } from "@appbase/next-kit/identity";
import { ErrorState } from "@appbase/ui/states";
import type { ReactElement } from "react";
import { identityOrReason } from "./kit.ts";

/**
 * The viewer of a page whom `allowed` admits, or the panel to render instead (never an error page).
 * Pages pass `(who) => can(who, "<permission>")`, so the wiring test sees what each page enforces.
 */
export async function pageViewer(
  what: string,
  allowed: (identity: KitIdentity) => boolean,
): Promise<{ identity: KitIdentity; refusal?: never } | { identity?: never; refusal: ReactElement }> {
  const resolved = await identityOrReason();
  if (!resolved.identity)
    return { refusal: <ErrorState title="You are not signed in" message={resolved.reason} /> };
  if (!allowed(resolved.identity)) {
    return {
      refusal: (
        <ErrorState
          title={`You cannot see ${what}`}
          message={`Your role does not include ${what}. Switch to a role that does, or ask a Risk & Compliance admin to add you to a risk-compliance group.`}
        />
      ),
    };
  }
  return { identity: resolved.identity };
}
