"use client";

import { FormError } from "@appbase/next-kit/action-errors";
import type { ActionFailure } from "@appbase/next-kit/result";
import Link from "next/link";
import { useState, useTransition } from "react";
import { applyReviewAction, discardReviewAction } from "../actions/reviews.ts";
import type { ReplayOutcome } from "../domain/cases/review-branch.ts";

/** Apply (replay the decisions on main) or discard the review branch, and what came of it. */
export function ReviewOutcome({ branch, decisions }: { branch: string; decisions: number }) {
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [done, setDone] = useState<{ applied?: ReplayOutcome; discarded?: true } | null>(null);
  const [pending, start] = useTransition();
  const apply = () =>
    start(async () => {
      const result = await applyReviewAction({ branch });
      setFailure(result.ok ? null : result.error);
      if (result.ok) setDone({ applied: result.data });
    });
  const discard = () =>
    start(async () => {
      const result = await discardReviewAction({ branch });
      setFailure(result.ok ? null : result.error);
      if (result.ok) setDone({ discarded: true });
    });
  if (done)
    return (
      <output className="rc-card" aria-live="polite">
        {done.discarded ? (
          <p>Discarded: the branch is deleted and main is unchanged.</p>
        ) : (
          <>
            <p>Applied {done.applied?.applied.length ?? 0} decision(s) on main.</p>
            {(done.applied?.conflicts.length ?? 0) > 0 && (
              <ul className="rc-list">
                {done.applied?.conflicts.map((c, i) => (
                  <li key={`${c.caseId}-${i}`}>
                    Not applied ({c.move}): {c.reason}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
        <Link href="/reviews">Back to reviews</Link>
      </output>
    );
  return (
    <div className="rc-card rc-form">
      <div className="rc-row">
        <button className="ab-button" type="button" disabled={pending || decisions === 0} onClick={apply}>
          Apply {decisions} decision(s) to main
        </button>
        <button className="ab-button ab-button--secondary" type="button" disabled={pending} onClick={discard}>
          Discard branch
        </button>
      </div>
      <FormError failure={failure} fields={[]} />
    </div>
  );
}
