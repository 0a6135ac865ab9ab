/** Where an item stands against its SLA: open ones are on track, due soon or breached; closed ones met or missed it. */
export type SlaState = "on-track" | "due-soon" | "breached" | "met" | "missed" | "none";

export interface SlaStanding {
  state: SlaState;
  /** Time since creation (to closing, for closed items). */
  ageMs: number;
  /** Time left to the due time; negative once breached; null without a due time. */
  remainingMs: number | null;
}

export interface SlaTimes {
  createdAt: Date;
  dueAt: Date | null;
  closedAt?: Date | null;
}

/**
 * Classifies an item's SLA at `now`. "Due soon" is the last `dueSoonFraction` of the SLA window,
 * so a 4-hour SLA turns amber an hour before it is due.
 */
export function slaStanding(item: SlaTimes, now: Date, dueSoonFraction = 0.25): SlaStanding {
  const end = item.closedAt ?? now;
  const ageMs = Math.max(0, end.getTime() - item.createdAt.getTime());
  if (!item.dueAt) return { state: "none", ageMs, remainingMs: null };
  const remainingMs = item.dueAt.getTime() - end.getTime();
  if (item.closedAt) return { state: remainingMs >= 0 ? "met" : "missed", ageMs, remainingMs };
  if (remainingMs < 0) return { state: "breached", ageMs, remainingMs };
  const windowMs = item.dueAt.getTime() - item.createdAt.getTime();
  return { state: remainingMs <= windowMs * dueSoonFraction ? "due-soon" : "on-track", ageMs, remainingMs };
}

const HOUR = 3_600_000;

/** A short age label for a badge: "45m", "5h", "3d". */
export function ageLabel(ageMs: number): string {
  if (ageMs < HOUR) return `${Math.max(0, Math.floor(ageMs / 60_000))}m`;
  if (ageMs < 48 * HOUR) return `${Math.floor(ageMs / HOUR)}h`;
  return `${Math.floor(ageMs / (24 * HOUR))}d`;
}
