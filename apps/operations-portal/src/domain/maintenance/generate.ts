import type { Queryable } from "@appbase/db";
import { targetsFor } from "../work-orders/priority.ts";
import { currentMeterOccurrence, currentTimeOccurrence, type Occurrence } from "./occurrences.ts";
import { listSchedules, type PmSchedule } from "./schedules.ts";

const DAY = 86_400_000;
export const PM_ACTOR = "preventive-maintenance";

/**
 * Opens the preventive work orders that are due within their lead time, one per schedule, asset
 * and occurrence. Idempotent, also when runs overlap: the occurrence is a unique key and inserts
 * are `on conflict do nothing`, so a second run (or a concurrent one) adds nothing.
 */
export async function generatePreventiveWorkOrders(
  db: Queryable,
  now: Date = new Date(),
): Promise<{ created: number; considered: number }> {
  const schedules = (await listSchedules(db)).filter((s) => s.active);
  let created = 0;
  let considered = 0;
  for (const schedule of schedules) {
    const due = await occurrencesFor(db, schedule, now);
    considered += due.length;
    for (const { assetId, occurrence } of due) {
      created += await openOccurrence(db, schedule, assetId, occurrence, now);
    }
  }
  return { created, considered };
}

async function occurrencesFor(db: Queryable, schedule: PmSchedule, now: Date) {
  if (schedule.trigger === "time") {
    const occurrence = currentTimeOccurrence(schedule, now);
    if (!occurrence) return [];
    const { rows } = await db.query<{ asset_id: string }>(
      "select asset_id from operations.assets where asset_type = $1 and status <> 'retired' order by asset_id",
      [schedule.assetType],
    );
    return rows.map((r) => ({ assetId: r.asset_id, occurrence }));
  }
  // Latest reading and the observed run rate over the readings kept.
  const { rows } = await db.query<{ asset_id: string; run_hours: number; per_day: number | null }>(
    `select a.asset_id, m.last as run_hours,
            case when m.span_days > 0 then (m.last - m.first) / m.span_days end as per_day
       from operations.assets a
       join lateral (
         select max(run_hours) as last, min(run_hours) as first,
                extract(epoch from max(read_at) - min(read_at)) / 86400 as span_days
           from operations_portal.asset_meter where asset_id = a.asset_id) m on m.last is not null
      where a.asset_type = $1 order by a.asset_id`,
    [schedule.assetType],
  );
  return rows.flatMap((r) => {
    const occurrence = currentMeterOccurrence(schedule, r.run_hours, r.per_day ?? 24, now);
    return occurrence ? [{ assetId: r.asset_id, occurrence }] : [];
  });
}

async function openOccurrence(
  db: Queryable,
  schedule: PmSchedule,
  assetId: string,
  occurrence: Occurrence,
  now: Date,
): Promise<number> {
  // A preventive order is due at its occurrence; its response target is the priority's.
  const { responseDueAt } = targetsFor(schedule.priority, now);
  const completionDueAt = new Date(Math.max(occurrence.dueAt.getTime() + DAY - 1000, now.getTime()));
  const { rows } = await db.query(
    `with created as (
       insert into operations_portal.work_order
         (asset_id, site_id, title, kind, priority, opened_at, response_due_at, completion_due_at,
          pm_schedule_id, pm_due_key, created_by, updated_by, updated_at)
       select a.asset_id, a.site_id, $3, 'preventive', $4, $5, least($6::timestamptz, $7::timestamptz), $7, $1, $8, $9, $9, $5
         from operations.assets a where a.asset_id = $2
       on conflict (pm_schedule_id, asset_id, pm_due_key) do nothing
       returning id, status, priority),
     steps as (
       insert into operations_portal.checklist_item (work_order_id, position, label)
       select c.id, s.position, s.label from created c,
              jsonb_array_elements_text($10::jsonb) with ordinality s(label, position)),
     logged as (
       insert into operations_portal.work_order_event (work_order_id, at, actor, field, old_value, new_value, version)
       select id, $5, $9, 'created', null, jsonb_build_object('status', status, 'priority', priority, 'pm_due_key', $8::text), 1
         from created)
     select id from created`,
    [
      schedule.id,
      assetId,
      schedule.title,
      schedule.priority,
      now,
      responseDueAt,
      completionDueAt,
      occurrence.key,
      PM_ACTOR,
      JSON.stringify(schedule.checklist),
    ],
  );
  return rows.length;
}
