import { cx } from "../internal/cx.ts";
import { formatAge, formatDuration, formatTimestamp, type Instant, toDate } from "../internal/time.ts";
import type { Tone } from "./tone.ts";

/** How current a copied value is against its target, as the server classified it. */
export type FreshnessState = "fresh" | "stale" | "expired";

export type FreshnessBadgeProps = {
  /** When the value was last synced/computed; null when it never was. */
  at: Instant | null;
  /** The server's classification (`classifyFreshness` in `@appbase/db/synced-status`); the badge only renders it. */
  freshness: { state: FreshnessState; ageMs: number | null };
  /** The target and limit it was classified against, for the tooltip. */
  target: number;
  limit: number;
  /** Verb before the age: "synced 4 min ago". */
  verb?: string;
};

const TONE: Record<FreshnessState, Tone> = { fresh: "success", stale: "warning", expired: "danger" };

/** Badge saying how old data is ("synced 4 min ago"), coloured fresh/stale/expired. */
export function FreshnessBadge({ at, freshness, target, limit, verb = "synced" }: FreshnessBadgeProps) {
  const { state, ageMs } = freshness;
  const text = at === null || ageMs === null ? `never ${verb}` : `${verb} ${formatAge(ageMs)}`;
  const title =
    at === null
      ? `No ${verb} time recorded; target is ${formatDuration(target)}`
      : `${state} — last ${verb} ${formatTimestamp(toDate(at, "at"))}; target ${formatDuration(target)}, limit ${formatDuration(limit)}`;
  return (
    <span
      className={cx("ab-badge", `ab-badge--${TONE[state]}`, "ab-freshness")}
      data-freshness={state}
      title={title}
    >
      <span className="ab-badge__dot" aria-hidden="true" />
      {text}
      <span className="ab-sr-only"> ({state})</span>
    </span>
  );
}
