import "server-only";
import type { KitIdentity } from "@appbase/next-kit/identity";
import { ErrorState } from "@appbase/ui/states";
import type { ReactElement } from "react";
import { can, identityOrReason } from "./kit.ts";

/** The viewer of a page who may read agent runs, or the panel to render instead. Never an error page. */
export async function runReader(): Promise<
  { identity: KitIdentity; refusal?: never } | { identity?: never; refusal: ReactElement }
> {
  const resolved = await identityOrReason();
  if (!resolved.identity) {
    return { refusal: <ErrorState title="You are not signed in" message={resolved.reason} /> };
  }
  if (!can(resolved.identity, "run.read")) {
    return {
      refusal: (
        <ErrorState
          title="You cannot view agent runs"
          message="Your role has no run.read permission. Ask an Agent Ops admin to add you to agent-ops-operators, agent-ops-reviewers or agent-ops-admins."
        />
      ),
    };
  }
  return { identity: resolved.identity };
}
