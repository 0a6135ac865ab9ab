"use client";

import { PreviewDecision } from "@appbase/next-kit/preview-decision";
import { applySiteChangeAction, discardSiteChangeAction } from "../actions/site-changes.ts";

/** Apply (site.change) or discard (branch.preview) a site change; after apply, what applied and what conflicted. */
export function SiteChangeDecision(props: { branch: string; canApply: boolean }) {
  return (
    <PreviewDecision
      branch={props.branch}
      apply={props.canApply ? applySiteChangeAction : undefined}
      applyHint="A site manager applies it (site.change)."
      discard={discardSiteChangeAction}
      describe={(outcome) => ({
        summary: `Applied on main to ${outcome.applied.length} work order(s)${
          outcome.applied.length ? ` (#${outcome.applied.join(", #")})` : ""
        }; the branch is deleted.`,
        conflicts: outcome.conflicts.map((c) => ({
          key: String(c.number),
          label: `#${c.number}`,
          reason: c.reason,
        })),
      })}
      back={{ href: "/site-changes", label: "Back to site changes" }}
    />
  );
}
