/** Priorities and their service targets: hours to first response (work started) and to completion. */
export const PRIORITIES = ["low", "medium", "high", "urgent"] as const;
export type Priority = (typeof PRIORITIES)[number];

export const PRIORITY_TARGETS: Record<Priority, { responseHours: number; completionHours: number }> = {
  urgent: { responseHours: 1, completionHours: 24 },
  high: { responseHours: 4, completionHours: 72 },
  medium: { responseHours: 24, completionHours: 7 * 24 },
  low: { responseHours: 72, completionHours: 30 * 24 },
};

const HOUR = 3_600_000;

/** When a work order of this priority opened at `openedAt` must be started and completed. */
export function targetsFor(
  priority: Priority,
  openedAt: Date,
): { responseDueAt: Date; completionDueAt: Date } {
  const t = PRIORITY_TARGETS[priority];
  return {
    responseDueAt: new Date(openedAt.getTime() + t.responseHours * HOUR),
    completionDueAt: new Date(openedAt.getTime() + t.completionHours * HOUR),
  };
}
