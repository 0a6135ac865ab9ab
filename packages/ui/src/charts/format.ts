/** How chart values are printed. Strings, not functions, so server components can pass them to client charts. */
export type ValueFormat = "number" | "compact" | "percent" | "ms" | "decimal";

const formatters: Record<ValueFormat, (value: number) => string> = {
  number: (v) => new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 }).format(v),
  decimal: (v) => new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 }).format(v),
  compact: (v) => new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 }).format(v),
  percent: (v) => new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 1 }).format(v),
  ms: (v) => (Math.abs(v) >= 1000 ? `${(v / 1000).toFixed(v >= 10_000 ? 0 : 1)} s` : `${Math.round(v)} ms`),
};

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
