import type { PageSet } from "../page-ttfb.ts";
import { count, loadInBatches, nextCursorIn } from "./shared.ts";

/**
 * Operations Portal: 50 sites, `rows` assets with a year of weekly scores (52 each, as the large scale
 * generates them) and as many work orders (one per asset; 60% complete, the rest open, in progress or
 * on hold). Timed: the work-order list, its next page, backlog, a site, breached, detail; the asset
 * list, its next page, a site's critical assets, the most anomalous first, an asset's page.
 */
export const WORK_ORDER_PAGES: PageSet = {
  user: "pia",
  async load(db, rows, log) {
    await db.pool.query(
      `insert into operations.sites (site_id, name, site_type, city, country_code, region, timezone, commissioned_on)
       select 'S' || lpad(i::text, 4, '0'), 'Site ' || i, 'plant', 'City ' || i, 'DE', 'emea', 'Europe/Berlin', date '2010-01-01'
         from generate_series(1, 50) i`,
    );
    log("assets");
    await loadInBatches(
      db,
      rows,
      `insert into operations.assets (asset_id, site_id, asset_type, tag, manufacturer, model, install_date, criticality, status)
       select 'AS' || lpad(i::text, 6, '0'), 'S' || lpad((1 + i % 50)::text, 4, '0'),
              (array['pump','compressor','motor','conveyor'])[1 + i % 4], 'TAG-' || i, 'Maker ' || (i % 7),
              'M-' || (i % 31), date '2015-01-01' + (i % 3000), (array['high','medium','low'])[1 + i % 3], 'running'
         from generate_series($1::int, $2::int) i`,
      log,
    );
    // Health 60-100 and anomaly below 0.8: above every threshold rule, so the portal's startup alert
    // evaluation raises no alerts (100k assets crossing them kept it from answering for over 240 s).
    log("asset scores (52 weekly each)");
    await loadInBatches(
      db,
      rows,
      `insert into operations.asset_scores (asset_id, scored_at, health_score, anomaly_score, model_version)
       select 'AS' || lpad(i::text, 6, '0'), date_trunc('week', now()) - k * interval '7 days',
              60 + ((i * 7919 + k * 104729) % 400) / 10.0, ((i * 31 + k * 17) % 80) / 100.0, 'bench-1'
         from generate_series($1::int, $2::int) i, generate_series(0, 51) k`,
      log,
      20_000,
    );
    log("work orders");
    await loadInBatches(
      db,
      rows,
      `insert into operations_portal.work_order
         (asset_id, site_id, title, kind, priority, status, assignee_id, hold_reason, opened_at,
          response_due_at, completion_due_at, completed_at, created_by, updated_by, updated_at)
       select 'AS' || lpad(i::text, 6, '0'), 'S' || lpad((1 + i % 50)::text, 4, '0'), 'Inspect asset ' || i,
              (array['reactive','preventive'])[1 + i % 2], (array['low','medium','high','urgent'])[1 + i % 4],
              st, case when i % 3 > 0 then (array['tom','tina'])[1 + i % 2] end,
              case when st = 'on_hold' then 'waiting for parts' end,
              opened, opened + interval '4 hours', opened + interval '72 hours',
              case when st = 'complete' then opened + interval '48 hours' end,
              'pia.planner@example.com', 'pia.planner@example.com', opened
         from generate_series($1::int, $2::int) i,
              lateral (select now() - (i % 525600) * interval '1 minute' as opened,
                              (array['complete','complete','complete','open','in_progress','on_hold'])[1 + i % 6] as st) w`,
      log,
    );
    await db.pool.query("analyze operations.assets");
    await db.pool.query("analyze operations.asset_scores");
    await db.pool.query("analyze operations_portal.work_order");
    return `${count(rows)} assets with ${count(rows * 52)} scores and ${count(rows)} work orders (half complete)`;
  },
  async pages(get, db) {
    const next = nextCursorIn(await get("/work-orders"), "/work-orders");
    const { rows } = await db.pool.query<{ id: string }>(
      "select id::text as id from operations_portal.work_order where status = 'open' order by completion_due_at limit 1",
    );
    const nextAssets = nextCursorIn(await get("/assets"), "/assets");
    return {
      "list (first page)": "/work-orders",
      "list (next page, keyset)": `/work-orders?after=${next}`,
      backlog: "/work-orders?status=backlog",
      "one site": "/work-orders?site=S0007",
      "breached or late": "/work-orders?target=breached",
      "work order detail": `/work-orders/${rows[0]?.id}`,
      "assets (first page)": "/assets",
      "assets (next page, keyset)": `/assets?after=${nextAssets}`,
      "assets of one site, high criticality": "/assets?site=S0007&criticality=high",
      "assets, most anomalous first": "/assets?sort=anomaly&dir=desc",
      "asset detail": "/assets/AS000042",
    };
  },
};
