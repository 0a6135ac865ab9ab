"use client";

import { FieldError, FormError } from "@appbase/next-kit/action-errors";
import type { ActionFailure } from "@appbase/next-kit/result";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { openReviewAction } from "../actions/reviews.ts";

/** A senior reviewer ticks open cases and opens a branch to work them on. */
export function OpenReviewForm({ cases }: { cases: { id: string; label: string; status: string }[] }) {
  const router = useRouter();
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [pending, start] = useTransition();
  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const caseIds = new FormData(event.currentTarget).getAll("caseId").map(String);
    start(async () => {
      const result = await openReviewAction({ caseIds });
      if (!result.ok) return setFailure(result.error);
      setFailure(null);
      router.push(`/reviews/${result.data.branch}`);
    });
  };
  return (
    <form className="rc-card rc-form" aria-label="Open a review branch" onSubmit={submit} noValidate>
      <h2>Open a review branch</h2>
      <p className="rc-muted">
        The branch is a copy of main: decide the ticked cases there, read the diff, then apply (the decisions
        are replayed on main) or discard.
      </p>
      <ul className="rc-list">
        {cases.map((c) => (
          <li key={c.id}>
            <label>
              <input type="checkbox" name="caseId" value={c.id} /> {c.label}{" "}
              <span className="rc-muted">({c.status})</span>
            </label>
          </li>
        ))}
      </ul>
      <FieldError failure={failure} field="caseIds" />
      <FormError failure={failure} fields={["caseIds"]} />
      <button className="ab-button" type="submit" disabled={pending}>
        {pending ? "Opening a branch…" : "Open review branch"}
      </button>
    </form>
  );
}
