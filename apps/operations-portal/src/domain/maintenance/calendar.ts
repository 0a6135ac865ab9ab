import type { Queryable } from "@appbase/db";
import { timeOccurrencesBetween } from "./occurrences.ts";
import { listSchedules } from "./schedules.ts";

/** One entry on the maintenance calendar: a generated preventive order, or a projected occurrence. */
export interface CalendarEntry {
  day: string;
  title: string;
  assetId: string | null;
  assetType: string;
  status: string | null;
  workOrderId: string | null;
  projected: boolean;
}

const DAY = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Preventive work in [from, to): generated orders on their due day, plus the time-based occurrences
 * not generated yet (projected, one entry per schedule: "every pump").
 */
export async function maintenanceCalendar(db: Queryable, from: Date, to: Date): Promise<CalendarEntry[]> {
  const { rows } = await db.query<{
    id: string;
    title: string;
    asset_id: string;
    asset_type: string | null;
    status: string;
    due: Date;
    pm_schedule_id: string;
    pm_due_key: string;
  }>(
    `select w.id, w.title, w.asset_id, a.asset_type, w.status, w.completion_due_at as due, w.pm_schedule_id, w.pm_due_key
       from operations_portal.work_order w left join operations.assets a on a.asset_id = w.asset_id
      where w.kind = 'preventive' and w.completion_due_at >= $1 and w.completion_due_at < $2
      order by w.completion_due_at, w.number`,
    [from, to],
  );
  const generated = new Set(rows.map((r) => `${r.pm_schedule_id}|${r.pm_due_key}`));
  const entries: CalendarEntry[] = rows.map((r) => ({
    day: isoDay(r.due),
    title: r.title,
    assetId: r.asset_id,
    assetType: r.asset_type ?? "",
    status: r.status,
    workOrderId: r.id,
    projected: false,
  }));
  for (const schedule of await listSchedules(db)) {
    if (!schedule.active) continue;
    for (const due of timeOccurrencesBetween(schedule, from, new Date(to.getTime() - DAY))) {
      const key = `date:${isoDay(due)}`;
      if (generated.has(`${schedule.id}|${key}`)) continue;
      entries.push({
        day: isoDay(due),
        title: schedule.title,
        assetId: null,
        assetType: schedule.assetType,
        status: null,
        workOrderId: null,
        projected: true,
      });
    }
  }
  return entries.sort((a, b) => a.day.localeCompare(b.day));
}
