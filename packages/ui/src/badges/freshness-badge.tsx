import { cx } from "../internal/cx.ts";
import { formatDuration, formatTimestamp, type Instant, toDate } from "../internal/time.ts";
import { classifyFreshness, type FreshnessState } from "./freshness.ts";
import type { Tone } from "./tone.ts";

export type FreshnessBadgeProps = {
  at: Instant | null;
  /** Defaults to the time of rendering; pass it for deterministic output. */
  now?: Instant;
  target: number;
  limit: number;
  /** Verb before the age: "synced 4 min ago". */
  verb?: string;
};

const TONE: Record<FreshnessState, Tone> = { fresh: "success", stale: "warning", expired: "danger" };

/** Badge saying how old data is ("synced 4 min ago"), coloured fresh/stale/expired against its target. */
export function FreshnessBadge({
  at,
  now = new Date(),
  target,
  limit,
  verb = "synced",
}: FreshnessBadgeProps) {
  const freshness = classifyFreshness({ at, now, target, limit });
  const text = at === null ? `never ${verb}` : `${verb} ${freshness.ageText}`;
  const title =
    at === null
      ? `No ${verb} time recorded; target is ${formatDuration(target)}`
      : `${freshness.state} — last ${verb} ${formatTimestamp(toDate(at, "at"))}; target ${formatDuration(target)}, limit ${formatDuration(limit)}`;
  return (
    <span
      className={cx("ab-badge", `ab-badge--${TONE[freshness.state]}`, "ab-freshness")}
      data-freshness={freshness.state}
      title={title}
    >
      <span className="ab-badge__dot" aria-hidden="true" />
      {text}
      <span className="ab-sr-only"> ({freshness.state})</span>
    </span>
  );
}
