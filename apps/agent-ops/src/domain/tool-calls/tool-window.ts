import { z } from "zod";

/** The time windows the tool-call records page offers, as URL values. */
export const TOOL_WINDOWS = ["1h", "24h", "7d", "30d", "all"] as const;
export type ToolWindow = (typeof TOOL_WINDOWS)[number];

const HOUR = 3_600_000;
const LENGTH: Record<ToolWindow, number | null> = {
  "1h": HOUR,
  "24h": 24 * HOUR,
  "7d": 7 * 24 * HOUR,
  "30d": 30 * 24 * HOUR,
  all: null,
};

export const WINDOW_LABEL: Record<ToolWindow, string> = {
  "1h": "Last hour",
  "24h": "Last 24 hours",
  "7d": "Last 7 days",
  "30d": "Last 30 days",
  all: "All time",
};

/** The `window` URL parameter; anything else falls back to the last 7 days. */
export const toolWindowSchema = z.enum(TOOL_WINDOWS).catch("7d");

/** When a window starts, or null for all time. */
export function windowStart(window: ToolWindow, now: Date): Date | null {
  const length = LENGTH[window];
  return length === null ? null : new Date(now.getTime() - length);
}
