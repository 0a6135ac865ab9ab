import type { Queryable } from "@appbase/db";

/** One site's trouble at a glance. */
export interface SiteTrouble {
  siteId: string;
  name: string;
  region: string;
  assets: number;
  down: number;
  degraded: number;
  /** Assets whose latest health is below 50. */
  unhealthy: number;
  avgHealth: number | null;
  openWorkOrders: number;
  breachedWorkOrders: number;
}

/** Every site, the most troubled first: breached work, assets down, unhealthy assets, then lowest health. */
export async function siteOverview(db: Queryable, now: Date = new Date()): Promise<SiteTrouble[]> {
  const { rows } = await db.query<{
    site_id: string;
    name: string;
    region: string;
    assets: number;
    down: number;
    degraded: number;
    unhealthy: number;
    avg_health: number | null;
    open_work_orders: number;
    breached_work_orders: number;
  }>(
    `with latest as (
       select a.site_id, a.status, s.health_score from operations.assets a
         left join lateral (select health_score from operations.asset_scores s where s.asset_id = a.asset_id
                             order by scored_at desc limit 1) s on true),
     fleet as (
       select site_id, count(*)::int as assets,
              count(*) filter (where status = 'down')::int as down,
              count(*) filter (where status = 'degraded')::int as degraded,
              count(*) filter (where health_score < 50)::int as unhealthy,
              avg(health_score)::float8 as avg_health
         from latest group by site_id),
     work as (
       select site_id, count(*)::int as open_work_orders,
              count(*) filter (where completion_due_at < $1)::int as breached_work_orders
         from operations_portal.work_order where status in ('open','in_progress','on_hold') group by site_id)
     select s.site_id, s.name, s.region, coalesce(f.assets, 0) as assets, coalesce(f.down, 0) as down,
            coalesce(f.degraded, 0) as degraded, coalesce(f.unhealthy, 0) as unhealthy, f.avg_health,
            coalesce(w.open_work_orders, 0) as open_work_orders, coalesce(w.breached_work_orders, 0) as breached_work_orders
       from operations.sites s
       left join fleet f on f.site_id = s.site_id
       left join work w on w.site_id = s.site_id
      order by breached_work_orders desc, down desc, unhealthy desc, avg_health asc nulls last, s.site_id`,
    [now],
  );
  return rows.map((r) => ({
    siteId: r.site_id,
    name: r.name,
    region: r.region,
    assets: r.assets,
    down: r.down,
    degraded: r.degraded,
    unhealthy: r.unhealthy,
    avgHealth: r.avg_health,
    openWorkOrders: r.open_work_orders,
    breachedWorkOrders: r.breached_work_orders,
  }));
}
