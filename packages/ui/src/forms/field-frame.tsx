import type { ReactNode } from "react";

export type FieldFrameProps = {
  id: string;
  label: ReactNode;
  required?: boolean;
  hint?: ReactNode;
  /** The field-level error; when set the control is marked invalid and described by it. */
  error?: string;
  /** Right side of the label row, e.g. a character counter. */
  aside?: ReactNode;
  children: ReactNode;
};

/** Ids for the hint and error, used by the control's aria-describedby. */
export function fieldIds(id: string, hint: unknown, error: unknown) {
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ");
  return { errorId: `${id}-error`, hintId: `${id}-hint`, describedBy: describedBy || undefined };
}

/** Label, control, hint and error laid out the same way for every field. */
export function FieldFrame({ id, label, required, hint, error, aside, children }: FieldFrameProps) {
  return (
    <div className={error ? "ab-field ab-field--invalid" : "ab-field"}>
      <div className="ab-field__label-row">
        <label className="ab-field__label" htmlFor={id}>
          {label}
          {required ? (
            <span className="ab-field__required" aria-hidden="true">
              {" "}
              *
            </span>
          ) : null}
        </label>
        {aside}
      </div>
      {children}
      {hint ? (
        <p className="ab-field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="ab-field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
