import type { ReactNode } from "react";
import { LockIcon } from "../internal/icons.tsx";

/**
 * Either a visible value, or one the server has already masked. The masked variant has no field for the
 * raw value, so a caller cannot hand it over by mistake.
 */
export type MaskedValueProps =
  | { masked: false; value: ReactNode }
  | {
      masked: true;
      /** The server-side masked form ("j•••@example.com"); omit to show only the lock. */
      value?: string | null;
      /** The permission that would reveal the value, e.g. "customer.pii.read". */
      permission: string;
    };

/** Renders a value, or its masked form with a lock and the label "masked — requires permission X". */
export function MaskedValue(props: MaskedValueProps) {
  if (!props.masked) {
    return <span className="ab-value">{props.value ?? <span className="ab-muted">—</span>}</span>;
  }
  const label = `masked — requires permission ${props.permission}`;
  return (
    <span className="ab-masked" title={label} data-permission={props.permission}>
      <LockIcon className="ab-masked__icon" />
      {props.value ? <span className="ab-masked__text">{props.value}</span> : null}
      <span className="ab-sr-only">({label})</span>
    </span>
  );
}
