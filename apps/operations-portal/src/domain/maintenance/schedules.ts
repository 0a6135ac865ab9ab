import type { Queryable } from "@appbase/db";
import type { Priority } from "../work-orders/priority.ts";

/** A preventive-maintenance schedule for every asset of one class. */
export interface PmSchedule {
  id: string;
  assetType: string;
  title: string;
  trigger: "time" | "meter";
  intervalDays: number | null;
  intervalHours: number | null;
  anchorOn: string | null;
  leadDays: number;
  priority: Priority;
  checklist: string[];
  active: boolean;
}

interface PmScheduleRecord {
  id: string;
  asset_type: string;
  title: string;
  trigger: "time" | "meter";
  interval_days: number | null;
  interval_hours: number | null;
  anchor_on: string | null;
  lead_days: number;
  priority: Priority;
  checklist: string[];
  active: boolean;
}

/** Every schedule, by asset class. */
export async function listSchedules(db: Queryable): Promise<PmSchedule[]> {
  const { rows } = await db.query<PmScheduleRecord>(
    "select *, anchor_on::text as anchor_on from operations_portal.pm_schedule order by asset_type, title",
  );
  return rows.map((r) => ({
    id: r.id,
    assetType: r.asset_type,
    title: r.title,
    trigger: r.trigger,
    intervalDays: r.interval_days,
    intervalHours: r.interval_hours,
    anchorOn: r.anchor_on,
    leadDays: r.lead_days,
    priority: r.priority,
    checklist: r.checklist,
    active: r.active,
  }));
}

export type NewSchedule = Omit<PmSchedule, "id" | "active">;

/** Adds a schedule. */
export async function createSchedule(db: Queryable, s: NewSchedule): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `insert into operations_portal.pm_schedule (asset_type, title, trigger, interval_days, interval_hours, anchor_on, lead_days, priority, checklist)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb) returning id`,
    [
      s.assetType,
      s.title,
      s.trigger,
      s.intervalDays,
      s.intervalHours,
      s.anchorOn,
      s.leadDays,
      s.priority,
      JSON.stringify(s.checklist),
    ],
  );
  return rows[0]!.id;
}
