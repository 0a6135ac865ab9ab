import type { InputHTMLAttributes, ReactNode } from "react";
import { FieldFrame, fieldIds } from "./field-frame.tsx";

export type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, "name"> & {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
};

/** A labelled input with hint and field-level error, wired for screen readers. */
export function TextField({ name, label, hint, error, id, required, className, ...input }: TextFieldProps) {
  const inputId = id ?? `ab-field-${name}`;
  const { describedBy } = fieldIds(inputId, hint, error);
  return (
    <FieldFrame id={inputId} label={label} hint={hint} error={error} required={required}>
      <input
        {...input}
        id={inputId}
        name={name}
        required={required}
        className={className ? `ab-input ${className}` : "ab-input"}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
    </FieldFrame>
  );
}
