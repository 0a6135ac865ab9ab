"use client";

import { FormError } from "@appbase/next-kit/action-errors";
import type { ActionFailure } from "@appbase/next-kit/result";
import Link from "next/link";
import { useState, useTransition } from "react";
import { applyStatusMigrationAction, discardStatusMigrationAction } from "../actions/status-migrations.ts";
import type { StatusMigrationOutcome } from "../domain/status/status-migration.ts";

/** Apply on main or discard a previewed status migration; after apply, who moved and who conflicted. */
export function StatusMigrationDecision(props: { branch: string }) {
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [done, setDone] = useState<{ applied?: StatusMigrationOutcome; discarded?: boolean } | null>(null);
  const [pending, start] = useTransition();
  if (done?.discarded)
    return (
      <p role="status" data-preview-discarded>
        Discarded: the branch is deleted and main is unchanged.{" "}
        <Link href="/status-migrations">Back to status migrations</Link>
      </p>
    );
  if (done?.applied)
    return (
      <div role="status" data-preview-applied>
        <p>Applied on main to {done.applied.moved.length} customer(s); the branch is deleted.</p>
        {done.applied.conflicts.length > 0 ? (
          <div className="ch-error" data-conflict>
            <strong>
              {done.applied.conflicts.length} changed on main since the preview and were left as they are:
            </strong>
            <ul>
              {done.applied.conflicts.map((c) => (
                <li key={c.customerId}>
                  {c.customerId}: {c.reason}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <Link href="/status-migrations">Back to status migrations</Link>
      </div>
    );
  const decide = (action: "apply" | "discard") =>
    start(async () => {
      if (action === "apply") {
        const result = await applyStatusMigrationAction({ branch: props.branch });
        setFailure(result.ok ? null : result.error);
        if (result.ok) setDone({ applied: result.data });
      } else {
        const result = await discardStatusMigrationAction({ branch: props.branch });
        setFailure(result.ok ? null : result.error);
        if (result.ok) setDone({ discarded: true });
      }
    });
  return (
    <div className="ch-row">
      <button className="ab-button" type="button" disabled={pending} onClick={() => decide("apply")}>
        Apply on main
      </button>
      <button
        className="ab-button ab-button--secondary"
        type="button"
        disabled={pending}
        onClick={() => decide("discard")}
      >
        Discard
      </button>
      <FormError failure={failure} fields={[]} />
    </div>
  );
}
