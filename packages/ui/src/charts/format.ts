/** How chart values are printed. Strings, not functions, so server components can pass them to client charts. */
export type ValueFormat = "number" | "compact" | "percent" | "ms" | "decimal";

const formatters: Record<ValueFormat, (value: number) => string> = {
  number: (v) => new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 }).format(v),
  decimal: (v) => new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 }).format(v),
  compact: (v) => new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 }).format(v),
  percent: (v) => new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 1 }).format(v),
  ms: formatMs,
};

const DURATION_UNITS: ReadonlyArray<[limit: number, size: number, unit: string]> = [
  [1000, 1, "ms"],
  [60_000, 1000, "s"],
  [3_600_000, 60_000, "min"],
  [172_800_000, 3_600_000, "h"],
  [Number.POSITIVE_INFINITY, 86_400_000, "d"],
];

/** A duration in ms in the largest unit that keeps it readable: "850 ms", "2.5 s", "90 min", "1.5 h". */
function formatMs(ms: number): string {
  const abs = Math.abs(ms);
  const [, size, unit] = DURATION_UNITS.find(([limit]) => abs < limit) ?? [0, 1, "ms"];
  const scaled = ms / size;
  const digits = unit === "ms" || Math.abs(scaled) >= 10 ? 0 : 1;
  return `${Number(scaled.toFixed(digits))} ${unit}`;
}

/** Formats a number for axes, labels and tooltips; percent expects a fraction (0.25 → "25%"). */
export function formatValue(value: number, format: ValueFormat = "number"): string {
  if (!Number.isFinite(value)) return "—";
  return formatters[format](value);
}

/** Formats a time tick: clock time for spans under two days, otherwise day and month (UTC). */
export function formatTimeTick(ms: number, spanMs: number, timeZone = "UTC"): string {
  const options: Intl.DateTimeFormatOptions =
    spanMs < 2 * 24 * 3600 * 1000
      ? { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone }
      : { day: "numeric", month: "short", timeZone };
  return new Intl.DateTimeFormat("en-GB", options).format(new Date(ms));
}

/**
 * Round axis ticks from 0 to just above `max`: steps of 1, 2, 2.5 or 5 × 10^k, at most `maxIntervals`
 * of them, so 260 gets 0–300 by 100 rather than 0–260 by 65.
 */
export function zeroBasedTicks(max: number, maxIntervals = 5): number[] {
  if (!Number.isFinite(max) || max <= 0) return [0, 1];
  const magnitude = 10 ** Math.floor(Math.log10(max / maxIntervals));
  const step =
    [1, 2, 2.5, 5, 10].map((f) => f * magnitude).find((s) => Math.ceil(max / s) <= maxIntervals) ??
    10 * magnitude;
  const intervals = Math.ceil(max / step - 1e-9);
  // Multiply rather than accumulate so 0.1 steps do not drift into 0.30000000000000004.
  return Array.from({ length: intervals + 1 }, (_, i) => Number((i * step).toPrecision(12)));
}
