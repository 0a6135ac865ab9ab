import type { Tone } from "../badges/tone.ts";

// Colours come from CSS custom properties (styles.css), so a theme change restyles every chart.
/** Categorical series colours, in order of use. */
export const CHART_COLORS = [
  "var(--ab-chart-1)",
  "var(--ab-chart-2)",
  "var(--ab-chart-3)",
  "var(--ab-chart-4)",
  "var(--ab-chart-5)",
  "var(--ab-chart-6)",
  "var(--ab-chart-7)",
  "var(--ab-chart-8)",
] as const;

const TONE_COLORS: Record<Tone, string> = {
  neutral: "var(--ab-chart-neutral)",
  info: "var(--ab-info)",
  success: "var(--ab-success)",
  warning: "var(--ab-warning)",
  danger: "var(--ab-danger)",
};

/** Colour for the i-th category, or for a status tone when one is given. */
export function seriesColor(index: number, tone?: Tone): string {
  if (tone) return TONE_COLORS[tone];
  return CHART_COLORS[index % CHART_COLORS.length] ?? "var(--ab-chart-1)";
}

/** Axis, grid and tooltip styling shared by the cartesian charts. */
export const AXIS_TICK = { fill: "var(--ab-text-subtle)", fontSize: 11 } as const;
export const GRID_STROKE = "var(--ab-border-subtle)";
export const TOOLTIP_STYLE = {
  background: "var(--ab-surface)",
  border: "1px solid var(--ab-border)",
  borderRadius: 6,
  boxShadow: "var(--ab-shadow-md)",
  fontSize: 12,
  padding: "6px 10px",
  color: "var(--ab-text)",
} as const;
