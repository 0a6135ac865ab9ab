"use client";

import Link from "next/link";
import { type ReactNode, useState, useTransition } from "react";
import { FormError } from "../action/action-errors.tsx";
import type { ActionFailure, ActionResult } from "../action/result.ts";

type BranchAction<T> = (input: { branch: string }) => Promise<ActionResult<T>>;

/** What an applied preview reports: a sentence of what moved, and each row left alone because main changed. */
export interface AppliedSummary {
  summary: ReactNode;
  conflicts: readonly { key: string; label: string; reason: string }[];
}

/**
 * Apply a previewed change on main, or discard it (the branch is deleted, main unchanged). After apply,
 * what moved and what conflicted. Without `apply` (the viewer may not apply), `applyHint` says who can.
 * Kits pass their own server actions and say what their outcome means; the states live here once.
 */
export function PreviewDecision<Outcome>(props: {
  branch: string;
  apply?: BranchAction<Outcome>;
  applyHint?: string;
  applyLabel?: string;
  discard: BranchAction<unknown>;
  describe: (outcome: Outcome) => AppliedSummary;
  back: { href: string; label: string };
}) {
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [done, setDone] = useState<{ applied: AppliedSummary } | { discarded: true } | null>(null);
  const [pending, start] = useTransition();
  const back = <Link href={props.back.href}>{props.back.label}</Link>;

  if (done && "discarded" in done)
    return (
      <p role="status" data-preview-discarded>
        Discarded: the branch is deleted and main is unchanged. {back}
      </p>
    );
  if (done)
    return (
      <div role="status" data-preview-applied>
        <p>{done.applied.summary}</p>
        {done.applied.conflicts.length > 0 ? (
          <div className="ab-action-error" data-conflict>
            <strong>
              {done.applied.conflicts.length} changed on main since the preview and were left as they are:
            </strong>
            <ul>
              {done.applied.conflicts.map((c) => (
                <li key={c.key}>
                  {c.label}: {c.reason}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {back}
      </div>
    );

  const run = <T,>(action: BranchAction<T>, then: (data: T) => void) =>
    start(async () => {
      const result = await action({ branch: props.branch });
      setFailure(result.ok ? null : result.error);
      if (result.ok) then(result.data);
    });
  const { apply, describe } = props;
  return (
    <div className="ab-preview-decision">
      {apply ? (
        <button
          className="ab-button"
          type="button"
          disabled={pending}
          onClick={() => run(apply, (outcome) => setDone({ applied: describe(outcome) }))}
        >
          {props.applyLabel ?? "Apply on main"}
        </button>
      ) : (
        <span className="ab-muted">{props.applyHint}</span>
      )}
      <button
        className="ab-button ab-button--secondary"
        type="button"
        disabled={pending}
        onClick={() => run(props.discard, () => setDone({ discarded: true }))}
      >
        Discard
      </button>
      <FormError failure={failure} fields={[]} />
    </div>
  );
}
