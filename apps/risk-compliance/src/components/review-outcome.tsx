"use client";

import { PreviewDecision } from "@appbase/next-kit/preview-decision";
import { applyReviewAction, discardReviewAction } from "../actions/reviews.ts";

/** Apply (replay the decisions on main) or discard the review branch, and what came of it. */
export function ReviewOutcome({ branch, decisions }: { branch: string; decisions: number }) {
  return (
    <PreviewDecision
      branch={branch}
      apply={decisions > 0 ? applyReviewAction : undefined}
      applyLabel={`Apply ${decisions} decision(s) to main`}
      applyHint="Decide at least one case on the branch before applying."
      discard={discardReviewAction}
      describe={(outcome) => ({
        summary: `Applied ${outcome.applied.length} decision(s) on main; the branch is deleted.`,
        conflicts: outcome.conflicts.map((c, i) => ({
          key: `${c.caseId}-${i}`,
          label: `${c.caseId} (${c.move})`,
          reason: c.reason,
        })),
      })}
      back={{ href: "/reviews", label: "Back to reviews" }}
    />
  );
}
