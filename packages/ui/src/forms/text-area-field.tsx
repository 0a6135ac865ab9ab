"use client";

import { type ReactNode, type TextareaHTMLAttributes, useState } from "react";
import { cx } from "../internal/cx.ts";
import { FieldFrame, fieldIds } from "./field-frame.tsx";

export type TextAreaFieldProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "value"> & {
  name: string;
  label: ReactNode;
  /** Required here: the counter counts towards it and the browser enforces it. */
  maxLength: number;
  hint?: ReactNode;
  error?: string;
};

/** A labelled textarea with a live "120 / 500" counter that turns amber near the limit. */
export function TextAreaField({
  name,
  label,
  maxLength,
  hint,
  error,
  id,
  required,
  defaultValue,
  onChange,
  rows = 4,
  ...textarea
}: TextAreaFieldProps) {
  const [length, setLength] = useState(() => String(defaultValue ?? "").length);
  const fieldId = id ?? `ab-field-${name}`;
  const { describedBy } = fieldIds(fieldId, hint, error);
  const counterId = `${fieldId}-count`;
  const near = length >= maxLength * 0.9;
  return (
    <FieldFrame
      id={fieldId}
      label={label}
      hint={hint}
      error={error}
      required={required}
      aside={
        <span
          className={cx("ab-field__counter", near && "ab-field__counter--near")}
          id={counterId}
          aria-live="polite"
        >
          {length} / {maxLength}
        </span>
      }
    >
      <textarea
        {...textarea}
        id={fieldId}
        name={name}
        rows={rows}
        required={required}
        maxLength={maxLength}
        defaultValue={defaultValue}
        className="ab-textarea"
        aria-invalid={error ? true : undefined}
        aria-describedby={[describedBy, counterId].filter(Boolean).join(" ")}
        onChange={(event) => {
          setLength(event.currentTarget.value.length);
          onChange?.(event);
        }}
      />
    </FieldFrame>
  );
}
