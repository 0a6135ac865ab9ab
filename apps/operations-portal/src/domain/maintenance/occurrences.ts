import type { PmSchedule } from "./schedules.ts";

const DAY = 86_400_000;

/** One due occurrence of a schedule on an asset; `key` names it uniquely per schedule and asset. */
export interface Occurrence {
  key: string;
  dueAt: Date;
}

/**
 * The occurrence a time-based schedule should have an order for on `today`: the latest due date
 * that is no more than `leadDays` ahead. Null before the first one enters its lead window.
 */
export function currentTimeOccurrence(schedule: PmSchedule, today: Date): Occurrence | null {
  if (schedule.trigger !== "time" || !schedule.anchorOn || !schedule.intervalDays) return null;
  const anchor = Date.parse(`${schedule.anchorOn}T00:00:00Z`);
  const horizon = today.getTime() + schedule.leadDays * DAY;
  if (horizon < anchor) return null;
  const k = Math.floor((horizon - anchor) / (schedule.intervalDays * DAY));
  const due = new Date(anchor + k * schedule.intervalDays * DAY);
  return { key: `date:${due.toISOString().slice(0, 10)}`, dueAt: due };
}

/**
 * The occurrence a meter-based schedule should have an order for at `runHours`: the next multiple
 * of the interval once the meter is within `leadDays` of continuous running (24 h a day) of it.
 * `dueAt` projects when that reading is reached at the asset's observed rate (hours per day).
 */
export function currentMeterOccurrence(
  schedule: PmSchedule,
  runHours: number,
  hoursPerDay: number,
  now: Date,
): Occurrence | null {
  if (schedule.trigger !== "meter" || !schedule.intervalHours) return null;
  const k = Math.floor((runHours + schedule.leadDays * 24) / schedule.intervalHours);
  if (k < 1) return null;
  const dueHours = k * schedule.intervalHours;
  const days = Math.max(0, dueHours - runHours) / Math.max(hoursPerDay, 0.1);
  return { key: `meter:${dueHours}`, dueAt: new Date(now.getTime() + days * DAY) };
}

/** Due dates of a time-based schedule between `from` and `to` (for the calendar's projection). */
export function timeOccurrencesBetween(schedule: PmSchedule, from: Date, to: Date): Date[] {
  if (schedule.trigger !== "time" || !schedule.anchorOn || !schedule.intervalDays) return [];
  const anchor = Date.parse(`${schedule.anchorOn}T00:00:00Z`);
  const step = schedule.intervalDays * DAY;
  const first = Math.max(0, Math.ceil((from.getTime() - anchor) / step));
  const out: Date[] = [];
  for (let k = first; anchor + k * step <= to.getTime() && out.length < 400; k++)
    out.push(new Date(anchor + k * step));
  return out;
}
