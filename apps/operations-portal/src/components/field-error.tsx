"use client";

import type { ActionFailure } from "@appbase/next-kit/result";

/** The messages for one field from a failed action, shown next to it. */
export function FieldError({ failure, field }: { failure: ActionFailure | null; field: string }) {
  const messages = failure?.kind === "invalid" ? (failure.fieldErrors[field] ?? []) : [];
  if (messages.length === 0) return null;
  return (
    <p className="op-error" role="alert" data-field-error={field}>
      {messages.join(" ")}
    </p>
  );
}

/** A failure not about one of `fields` (forbidden, not found, unavailable, another field), as a sentence. */
export function FormError({ failure, fields }: { failure: ActionFailure | null; fields: readonly string[] }) {
  if (!failure || failure.kind === "conflict") return null;
  if (failure.kind === "invalid" && fields.some((f) => failure.fieldErrors[f]?.length)) return null;
  return (
    <p className="op-error" role="alert" data-form-error={failure.kind}>
      {failure.kind === "invalid"
        ? Object.values(failure.fieldErrors).flat().join(" ") || failure.message
        : failure.message}
    </p>
  );
}

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
