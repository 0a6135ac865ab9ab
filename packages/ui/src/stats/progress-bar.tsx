import { formatValue } from "../charts/format.ts";
import { cx } from "../internal/cx.ts";

export type ProgressBarProps = {
  label: string;
  /** Done so far; leave out for an indeterminate bar (work of unknown size). */
  value?: number;
  max?: number;
  /** Unit of the counts, e.g. "rows": "12,400 / 50,000 rows". */
  unit?: string;
  /** Current step or ETA, e.g. "copying customer_360". */
  detail?: string;
  tone?: "accent" | "success" | "danger";
};

/** Progress of a long operation (seeding, syncing, staging) with counts and percentage. */
export function ProgressBar({ label, value, max = 100, unit, detail, tone = "accent" }: ProgressBarProps) {
  const known = value !== undefined && max > 0;
  const fraction = known ? Math.min(1, Math.max(0, value / max)) : 0;
  const counts = known && unit ? `${formatValue(value)} / ${formatValue(max)} ${unit}` : null;
  return (
    <div className="ab-progress">
      <div className="ab-progress__row">
        <span className="ab-progress__label">{label}</span>
        <span className="ab-progress__numbers">
          {counts ? <span>{counts}</span> : null}
          {known ? <strong>{formatValue(fraction, "percent")}</strong> : null}
        </span>
      </div>
      <div
        className={cx("ab-progress__track", !known && "ab-progress__track--indeterminate")}
        role="progressbar"
        aria-label={label}
        aria-valuemin={known ? 0 : undefined}
        aria-valuemax={known ? max : undefined}
        aria-valuenow={known ? value : undefined}
        aria-valuetext={
          known ? `${formatValue(fraction, "percent")}${counts ? ` (${counts})` : ""}` : "in progress"
        }
      >
        <div
          className={`ab-progress__fill ab-progress__fill--${tone}`}
          style={known ? { width: `${fraction * 100}%` } : undefined}
        />
      </div>
      {detail ? <p className="ab-progress__detail">{detail}</p> : null}
    </div>
  );
}
