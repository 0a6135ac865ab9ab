"use client";

import type { ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { cx } from "../internal/cx.ts";
import type { FormAction } from "../internal/form-action.ts";

export type SubmitButtonProps = {
  children: ReactNode;
  /** Shown while the form is submitting, e.g. "Saving…". */
  pendingLabel?: ReactNode;
  variant?: "primary" | "secondary" | "danger";
  name?: string;
  value?: string;
  /** Overrides the form's action, e.g. a second "Overwrite" action in the same form. */
  formAction?: FormAction;
  disabled?: boolean;
};

/** Submit button that disables itself and shows a spinner while its form is pending. */
export function SubmitButton({
  children,
  pendingLabel,
  variant = "primary",
  name,
  value,
  formAction,
  disabled,
}: SubmitButtonProps) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      className={cx("ab-button", `ab-button--${variant}`, pending && "ab-button--pending")}
      disabled={disabled || pending}
      aria-busy={pending || undefined}
      name={name}
      value={value}
      formAction={formAction}
    >
      {pending ? <span className="ab-spinner" aria-hidden="true" /> : null}
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}
