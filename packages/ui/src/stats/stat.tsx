import type { ReactNode } from "react";
import { formatValue, type ValueFormat } from "../charts/format.ts";
import { cx } from "../internal/cx.ts";

export type StatProps = {
  label: string;
  value: number | null;
  format?: ValueFormat;
  /** Change against a baseline, as a fraction (0.12 = +12%), with the period it covers. */
  delta?: { value: number; period: string };
  /** Which direction is good news: more resolved cases is "up", more open alerts is "down". */
  goodDirection?: "up" | "down";
  /** Extra line under the value, e.g. a freshness badge. */
  footer?: ReactNode;
  href?: string;
};

/** A headline number with its change against a baseline, coloured by whether the change is good. */
export function Stat({
  label,
  value,
  format = "number",
  delta,
  goodDirection = "up",
  footer,
  href,
}: StatProps) {
  const direction = delta === undefined || delta.value === 0 ? "flat" : delta.value > 0 ? "up" : "down";
  const tone = direction === "flat" ? "neutral" : direction === goodDirection ? "good" : "bad";
  const arrow = direction === "up" ? "▲" : direction === "down" ? "▼" : "■";
  const body = (
    <>
      <span className="ab-stat__label">{label}</span>
      <span className="ab-stat__value">{value === null ? "—" : formatValue(value, format)}</span>
      {delta ? (
        <span className={cx("ab-stat__delta", `ab-stat__delta--${tone}`)}>
          <span aria-hidden="true">{arrow}</span> {formatValue(Math.abs(delta.value), "percent")}
          <span className="ab-sr-only">
            {direction === "down" ? " decrease" : direction === "up" ? " increase" : " no change"}
          </span>{" "}
          <span className="ab-stat__period">{delta.period}</span>
        </span>
      ) : null}
      {footer ? <span className="ab-stat__footer">{footer}</span> : null}
    </>
  );
  return href ? (
    <a className="ab-stat ab-stat--link" href={href}>
      {body}
    </a>
  ) : (
    <div className="ab-stat">{body}</div>
  );
}
