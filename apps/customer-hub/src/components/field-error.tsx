import type { ActionFailure } from "@appbase/next-kit/result";

/** The messages for one field (or the whole form) from a failed action, shown next to it. */
export function FieldError({
  failure,
  field,
  id,
}: {
  failure: ActionFailure | null;
  field: string;
  id?: string;
}) {
  if (!failure) return null;
  const messages = failure.kind === "invalid" ? (failure.fieldErrors[field] ?? []) : [];
  if (messages.length === 0) return null;
  return (
    <p className="ch-error" role="alert" id={id} data-field-error={field}>
      {messages.join(" ")}
    </p>
  );
}

/** A failure that is not about one field (forbidden, not found, unavailable), as a sentence. */
export function FormError({ failure, fields }: { failure: ActionFailure | null; fields: readonly string[] }) {
  if (!failure || failure.kind === "conflict") return null;
  if (failure.kind === "invalid" && fields.some((f) => failure.fieldErrors[f]?.length)) return null;
  return (
    <p className="ch-error" role="alert" data-form-error={failure.kind}>
      {failure.kind === "invalid"
        ? Object.values(failure.fieldErrors).flat().join(" ") || failure.message
        : failure.message}
    </p>
  );
}
