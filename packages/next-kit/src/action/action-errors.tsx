import type { ActionFailure } from "./result.ts";

/** The messages for one field from a failed action, shown next to it (`id` for aria-describedby). */
export function FieldError({
  failure,
  field,
  id,
}: {
  failure: ActionFailure | null;
  field: string;
  id?: string;
}) {
  const messages = failure?.kind === "invalid" ? (failure.fieldErrors[field] ?? []) : [];
  if (messages.length === 0) return null;
  return (
    <p className="ab-action-error" role="alert" id={id} data-field-error={field}>
      {messages.join(" ")}
    </p>
  );
}

/** A failure not about one of `fields` (forbidden, not found, unavailable, another field), as a sentence. */
export function FormError({ failure, fields }: { failure: ActionFailure | null; fields: readonly string[] }) {
  if (!failure || failure.kind === "conflict") return null;
  if (failure.kind === "invalid" && fields.some((f) => failure.fieldErrors[f]?.length)) return null;
  return (
    <p className="ab-action-error" role="alert" data-form-error={failure.kind}>
      {failure.kind === "invalid"
        ? Object.values(failure.fieldErrors).flat().join(" ") || failure.message
        : failure.message}
    </p>
  );
}
