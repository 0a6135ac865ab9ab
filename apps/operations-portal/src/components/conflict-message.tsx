"use client";

import type { ActionFailure } from "@appbase/next-kit/result";

/** A visible conflict: someone else changed the record; reloading shows what is there now. */
export function ConflictMessage({ failure }: { failure: ActionFailure | null }) {
  if (failure?.kind !== "conflict") return null;
  return (
    <div className="op-error" role="alert" data-conflict>
      <strong>Someone else changed this work order.</strong> {failure.message}{" "}
      <button
        type="button"
        className="ab-button ab-button--secondary"
        onClick={() => window.location.reload()}
      >
        Reload to see it
      </button>
    </div>
  );
}
