import type { Queryable } from "@appbase/db";

export type KpiDimension = "site" | "asset_type";

/** Maintenance KPIs of one site or asset class over a window (hours and days as decimals). */
export interface KpiRow {
  group: string;
  assets: number;
  failures: number;
  repairs: number;
  /** Mean time between failures: (asset hours in the window − downtime) / failures. */
  mtbfHours: number | null;
  /** Mean time to repair: mean report-to-restore time of reactive orders completed in the window. */
  mttrHours: number | null;
  /** Hours assets were down: reactive orders from report to restore (or the window's end), inside the window. */
  downtimeHours: number;
  /** Orders still owed at the window's end and their mean age. */
  backlog: number;
  backlogAgeDays: number | null;
  /** Share of orders completed in the window that met their completion target. */
  completed: number;
  onTimeRate: number | null;
}

const GROUP_COLUMN: Record<KpiDimension, string> = { site: "a.site_id", asset_type: "a.asset_type" };

/**
 * KPIs per site or asset class for the window [from, to). Reactive orders are failures; preventive
 * ones count toward backlog and on-time completion only. One query, so the figures agree.
 */
export async function maintenanceKpis(
  db: Queryable,
  dimension: KpiDimension,
  window: { from: Date; to: Date },
): Promise<KpiRow[]> {
  const group = GROUP_COLUMN[dimension];
  const { rows } = await db.query<{
    grp: string;
    assets: number;
    failures: number;
    repairs: number;
    repair_hours: number | null;
    downtime_hours: number;
    backlog: number;
    backlog_age_days: number | null;
    completed: number;
    on_time: number;
    window_hours: number;
  }>(
    `with fleet as (select ${group} as grp, count(*)::int as assets from operations.assets a group by 1),
          wo as (
            select ${group} as grp, w.* from operations_portal.work_order w
              join operations.assets a on a.asset_id = w.asset_id),
          figures as (
            select grp,
              count(*) filter (where kind = 'reactive' and status <> 'cancelled' and opened_at >= $1 and opened_at < $2)::int as failures,
              count(*) filter (where kind = 'reactive' and completed_at >= $1 and completed_at < $2)::int as repairs,
              sum(extract(epoch from completed_at - opened_at) / 3600)
                filter (where kind = 'reactive' and completed_at >= $1 and completed_at < $2) as repair_hours,
              coalesce(sum(extract(epoch from least(coalesce(completed_at, $2), $2) - greatest(opened_at, $1)) / 3600)
                filter (where kind = 'reactive' and status <> 'cancelled' and opened_at < $2
                          and coalesce(completed_at, $2) > $1), 0) as downtime_hours,
              count(*) filter (where opened_at < $2 and (completed_at is null or completed_at >= $2)
                                 and (cancelled_at is null or cancelled_at >= $2))::int as backlog,
              avg(extract(epoch from $2 - opened_at) / 86400)
                filter (where opened_at < $2 and (completed_at is null or completed_at >= $2)
                          and (cancelled_at is null or cancelled_at >= $2)) as backlog_age_days,
              count(*) filter (where completed_at >= $1 and completed_at < $2)::int as completed,
              count(*) filter (where completed_at >= $1 and completed_at < $2 and completed_at <= completion_due_at)::int as on_time
            from wo group by grp)
     select f.grp, f.assets, coalesce(x.failures, 0) as failures, coalesce(x.repairs, 0) as repairs, x.repair_hours,
            coalesce(x.downtime_hours, 0)::float8 as downtime_hours, coalesce(x.backlog, 0) as backlog,
            x.backlog_age_days::float8 as backlog_age_days, coalesce(x.completed, 0) as completed,
            coalesce(x.on_time, 0) as on_time, extract(epoch from $2::timestamptz - $1::timestamptz) / 3600 as window_hours
       from fleet f left join figures x on x.grp = f.grp
      order by f.grp`,
    [window.from, window.to],
  );
  return rows.map((r) => {
    const downtime = Number(r.downtime_hours);
    const windowHours = Number(r.window_hours);
    return {
      group: r.grp,
      assets: r.assets,
      failures: r.failures,
      repairs: r.repairs,
      mtbfHours: r.failures > 0 ? (r.assets * windowHours - downtime) / r.failures : null,
      mttrHours: r.repairs > 0 ? Number(r.repair_hours) / r.repairs : null,
      downtimeHours: downtime,
      backlog: r.backlog,
      backlogAgeDays: r.backlog_age_days === null ? null : Number(r.backlog_age_days),
      completed: r.completed,
      onTimeRate: r.completed > 0 ? r.on_time / r.completed : null,
    };
  });
}
