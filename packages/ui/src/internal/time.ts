/** A timestamp as components receive it: a Date, an ISO string, or epoch milliseconds. */
export type Instant = Date | string | number;

/** Converts an Instant to a Date; throws naming the field when the value is not a valid time. */
export function toDate(value: Instant, field = "timestamp"): Date {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new Error(
      `${field}: "${String(value)}" is not a valid time; pass a Date, an ISO 8601 string or epoch ms.`,
    );
  }
  return date;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Short human duration for an age in ms: "just now", "4 min", "3 h", "2 d". */
export function formatDuration(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < 45 * SECOND) return "under a minute";
  if (abs < HOUR) return `${Math.max(1, Math.round(abs / MINUTE))} min`;
  if (abs < DAY) return `${Math.round(abs / HOUR)} h`;
  return `${Math.round(abs / DAY)} d`;
}

/** Relative phrase for `at` seen from `now`: "4 min ago", "in 3 h", "just now". */
export function formatRelative(at: Date, now: Date): string {
  const delta = now.getTime() - at.getTime();
  return delta >= 0
    ? formatAge(delta)
    : Math.abs(delta) < 45 * SECOND
      ? "just now"
      : `in ${formatDuration(delta)}`;
}

/** An age in ms for people: "just now", "4 min ago", "3 h ago". */
export function formatAge(ageMs: number): string {
  return Math.abs(ageMs) < 45 * SECOND ? "just now" : `${formatDuration(ageMs)} ago`;
}

/** Absolute timestamp for titles and tooltips, in a fixed zone so server and client agree. */
export function formatTimestamp(at: Date, timeZone = "UTC"): string {
  const text = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(at);
  return `${text} ${timeZone === "UTC" ? "UTC" : timeZone}`;
}
