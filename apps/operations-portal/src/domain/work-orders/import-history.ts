import type { Queryable } from "@appbase/db";
import { PRIORITY_TARGETS } from "./priority.ts";

export const HISTORY_ACTOR = "history-import";

const responseHours = Object.entries(PRIORITY_TARGETS)
  .map(([p, t]) => `when '${p}' then ${t.responseHours}`)
  .join(" ");

/**
 * Starts the portal's work orders from the synced work-order history (once: rows already imported
 * are skipped by their source id). The history's richer states map onto the portal's lifecycle:
 * requested → open, completed/closed → complete, rejected → cancelled; inspections and calibrations
 * are preventive work. Runs at start and then every few minutes (server/work-order-history.ts), so
 * newly synced history comes in too. Returns how many orders were added.
 */
export async function importWorkOrderHistory(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `with history as (
       select h.*,
              case h.status when 'requested' then 'open' when 'completed' then 'complete' when 'closed' then 'complete'
                            when 'rejected' then 'cancelled' else h.status end as portal_status
         from operations.work_orders h
         join operations.assets a on a.asset_id = h.asset_id
        where not exists (select 1 from operations_portal.work_order w where w.source = 'history:' || h.work_order_id)),
     added as (
       insert into operations_portal.work_order
         (asset_id, site_id, title, kind, priority, status, assignee_id, hold_reason, cancel_reason, opened_at,
          response_due_at, completion_due_at, started_at, on_hold_since, completed_at, cancelled_at, source,
          created_by, updated_by, updated_at)
       select asset_id, site_id, title,
              case when work_type = 'corrective' then 'reactive' else 'preventive' end,
              priority, portal_status,
              case when portal_status = 'open' and status = 'requested' then null else assignee end,
              case when portal_status = 'on_hold' then 'Waiting for parts' end,
              case when portal_status = 'cancelled' then
                case status when 'rejected' then 'Rejected at review' else 'No longer needed' end end,
              opened_at,
              opened_at + make_interval(hours => case priority ${responseHours} else 24 end),
              due_at, started_at,
              case when portal_status = 'on_hold' then coalesce(started_at, opened_at) end,
              coalesce(completed_at, closed_at),
              case when portal_status = 'cancelled' then coalesce(closed_at, opened_at + interval '1 hour') end,
              'history:' || work_order_id,
              $1, $1, opened_at
         from history order by opened_at
       -- Two instances importing at once: the second skips what the first added.
       on conflict (source) do nothing
       returning id, status, priority, assignee_id, opened_at),
     logged as (
       insert into operations_portal.work_order_event (work_order_id, at, actor, field, old_value, new_value, version)
       select id, opened_at, $1, 'created', null,
              jsonb_build_object('status', status, 'priority', priority, 'assignee_id', assignee_id), 1 from added)
     select count(*)::int as n from added`,
    [HISTORY_ACTOR],
  );
  return rows[0]?.n ?? 0;
}
