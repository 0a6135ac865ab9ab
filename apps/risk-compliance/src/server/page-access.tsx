import "server-only";
import type { KitIdentity } from "@appbase/next-kit/identity";
import { ErrorState } from "@appbase/ui/states";
import type { ReactElement } from "react";
import type { riskComplianceMatrix } from "../matrix.ts";
import { can, identityOrReason } from "./kit.ts";

export type Permission = (typeof riskComplianceMatrix.permissions)[number];

/** The viewer of a page who holds `permission`, or the panel to render instead. Never an error page. */
export async function pageViewer(
  permission: Permission,
  what: string,
): Promise<{ identity: KitIdentity; refusal?: never } | { identity?: never; refusal: ReactElement }> {
  const resolved = await identityOrReason();
  if (!resolved.identity)
    return { refusal: <ErrorState title="You are not signed in" message={resolved.reason} /> };
  if (!can(resolved.identity, permission)) {
    return {
      refusal: (
        <ErrorState
          title={`You cannot see ${what}`}
          message={`Your role has no ${permission} permission. Switch to a role that has it, or ask a Risk & Compliance admin to add you to a risk-compliance group.`}
        />
      ),
    };
  }
  return { identity: resolved.identity };
}
