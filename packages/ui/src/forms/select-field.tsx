import type { ReactNode, SelectHTMLAttributes } from "react";
import { FieldFrame, fieldIds } from "./field-frame.tsx";

export type SelectFieldProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, "name" | "children"> & {
  name: string;
  label: ReactNode;
  options: ReadonlyArray<{ value: string; label?: string; disabled?: boolean }>;
  /** Text of an empty first option, e.g. "Choose a status…". */
  placeholder?: string;
  hint?: ReactNode;
  error?: string;
};

/** A labelled select with hint and field-level error. */
export function SelectField({
  name,
  label,
  options,
  placeholder,
  hint,
  error,
  id,
  required,
  ...select
}: SelectFieldProps) {
  const selectId = id ?? `ab-field-${name}`;
  const { describedBy } = fieldIds(selectId, hint, error);
  return (
    <FieldFrame id={selectId} label={label} hint={hint} error={error} required={required}>
      <select
        {...select}
        id={selectId}
        name={name}
        required={required}
        className="ab-select"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled}>
            {option.label ?? option.value}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}
