import type { ReactNode } from "react";
import { cx } from "../internal/cx.ts";
import type { Tone } from "./tone.ts";

export type StatusBadgeProps = {
  tone?: Tone;
  children: ReactNode;
  /** Hides the leading dot, e.g. inside dense table cells that already carry colour. */
  dot?: boolean;
  title?: string;
};

/** A compact pill naming a status, coloured by tone. */
export function StatusBadge({ tone = "neutral", children, dot = true, title }: StatusBadgeProps) {
  return (
    <span className={cx("ab-badge", `ab-badge--${tone}`)} title={title}>
      {dot ? <span className="ab-badge__dot" aria-hidden="true" /> : null}
      {children}
    </span>
  );
}
