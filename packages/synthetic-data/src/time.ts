/** Time helpers: all timestamps are derived from the data set's epoch, never the clock. */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** ISO-8601 UTC timestamp rounded to whole seconds (what `timestamp` columns hold). */
export function isoTimestamp(ms: number): string {
  return new Date(Math.round(ms / 1000) * 1000).toISOString();
}

/** `YYYY-MM-DD` (what `date` columns hold). */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Rounds to `digits` decimals so serialized floats stay short and stable. */
export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Clamps into [min, max]. */
export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** Zero-padded identifier such as `C0000042`. */
export function padId(prefix: string, n: number, width: number): string {
  return prefix + String(n).padStart(width, "0");
}
