import { ErrorState } from "@appbase/ui/states";
import type { ReactElement } from "react";
import type { KitIdentity } from "../identity/types.ts";

/** Who may see a page, or the panel to render in its place. */
export type PageViewer =
  | { identity: KitIdentity; refusal?: never }
  | { identity?: never; refusal: ReactElement };

interface PageViewerDeps<P extends string> {
  kit: { id: string; title: string };
  identityOrReason(): Promise<{ identity: KitIdentity } | { identity: null; reason: string }>;
  can(identity: KitIdentity, permission: P): boolean;
}

/**
 * A kit's `pageViewer(permission, what)`: the viewer of a page who holds `permission`, or the panel
 * to render instead (not signed in, e.g. an Apps request without forwarded headers, or a role
 * without it). Never an error page. The kit wiring test reads `pageViewer("<permission>"` as a check.
 */
export function createPageViewer<P extends string>(deps: PageViewerDeps<P>) {
  return async function pageViewer(permission: P, what: string): Promise<PageViewer> {
    const resolved = await deps.identityOrReason();
    if (!resolved.identity)
      return { refusal: <ErrorState title="You are not signed in" message={resolved.reason} /> };
    if (deps.can(resolved.identity, permission)) return { identity: resolved.identity };
    return {
      refusal: (
        <ErrorState
          title={`You cannot see ${what}`}
          message={`Your role has no ${permission} permission. Ask a ${deps.kit.title} admin to add you to one of the ${deps.kit.id} groups, or switch to a role that has it.`}
        />
      ),
    };
  };
}
