"use client";

import { FormError } from "@appbase/next-kit/action-errors";
import type { ActionFailure } from "@appbase/next-kit/result";
import Link from "next/link";
import { useState, useTransition } from "react";
import { applySiteChangeAction, discardSiteChangeAction } from "../actions/site-changes.ts";
import type { SiteChangeOutcome } from "../domain/site-changes/site-change.ts";

/** Apply (site.change) or discard (branch.preview) a preview; after apply, what applied and what conflicted. */
export function PreviewDecision(props: { branch: string; canApply: boolean }) {
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [done, setDone] = useState<{ applied?: SiteChangeOutcome; discarded?: boolean } | null>(null);
  const [pending, start] = useTransition();
  if (done?.discarded)
    return (
      <p role="status" data-preview-discarded>
        Discarded: the branch is deleted and main is unchanged.{" "}
        <Link href="/site-changes">Back to site changes</Link>
      </p>
    );
  if (done?.applied)
    return (
      <div role="status" data-preview-applied>
        <p>
          Applied on main to {done.applied.applied.length} work order(s)
          {done.applied.applied.length ? ` (#${done.applied.applied.join(", #")})` : ""}; the branch is
          deleted.
        </p>
        {done.applied.conflicts.length > 0 ? (
          <div className="op-error" data-conflict>
            <strong>
              {done.applied.conflicts.length} changed on main since the preview and were left as they are:
            </strong>
            <ul>
              {done.applied.conflicts.map((c) => (
                <li key={c.number}>
                  #{c.number}: {c.reason}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <Link href="/site-changes">Back to site changes</Link>
      </div>
    );
  return (
    <div className="op-row">
      {props.canApply ? (
        <button
          className="ab-button"
          type="button"
          disabled={pending}
          onClick={() =>
            start(async () => {
              const result = await applySiteChangeAction({ branch: props.branch });
              setFailure(result.ok ? null : result.error);
              if (result.ok) setDone({ applied: result.data });
            })
          }
        >
          Apply on main
        </button>
      ) : (
        <span className="op-muted">A site manager applies it (site.change).</span>
      )}
      <button
        className="ab-button ab-button--secondary"
        type="button"
        disabled={pending}
        onClick={() =>
          start(async () => {
            const result = await discardSiteChangeAction({ branch: props.branch });
            setFailure(result.ok ? null : result.error);
            if (result.ok) setDone({ discarded: true });
          })
        }
      >
        Discard
      </button>
      <FormError failure={failure} fields={[]} />
    </div>
  );
}
