import type { PageSet } from "../page-ttfb.ts";
import { count, loadInBatches, nextCursorIn } from "./shared.ts";

const ANALYSTS = ["ana.analyst@example.com", "ben.analyst@example.com", "sara.lead@example.com"];

/**
 * Risk & Compliance: `rows` alerts over a year (15% new, 5% claimed by three analysts, 80% dismissed);
 * the queue's open view, its next page, the claimant's own, breached, closed, and an alert's page.
 */
export const ALERT_PAGES: PageSet = {
  user: "ana",
  async load(db, rows, log) {
    await loadInBatches(
      db,
      rows,
      `insert into risk_compliance.alert
         (dedup_key, source_alert_id, entity_id, rule_id, rule_name, severity, priority, score, status,
          claimed_by, claimed_at, lease_expires_at, due_at, created_at, last_seen_at, updated_at,
          closed_at, closed_by, resolution)
       select 'bench:' || i, 'A' || lpad(i::text, 7, '0'), 'E' || lpad((i % 250000)::text, 7, '0'),
              'TM-' || lpad((i % 12)::text, 3, '0'), 'Monitoring rule ' || (i % 12),
              (array['critical','high','medium','low'])[1 + i % 4], 1 + i % 4, (i % 100) / 100.0,
              case when i % 20 < 3 then 'new' when i % 20 = 3 then 'claimed' else 'dismissed' end,
              case when i % 20 = 3 then (array[${ANALYSTS.map((a) => `'${a}'`).join(",")}])[1 + i % 3] end,
              case when i % 20 = 3 then created end,
              case when i % 20 = 3 then now() + interval '15 minutes' end,
              created + (array[4, 24, 72, 168])[1 + i % 4] * interval '1 hour', created, created, created,
              case when i % 20 > 3 then created + (i % 48) * interval '1 hour' end,
              case when i % 20 > 3 then 'ben.analyst@example.com' end,
              case when i % 20 > 3 then 'benign' end
         from generate_series($1::int, $2::int) i,
              lateral (select now() - (i % 525600) * interval '1 minute' as created) c`,
      log,
    );
    await db.pool.query("analyze risk_compliance.alert");
    return `${count(rows)} alerts (${count(Math.round(rows * 0.15))} new, ${count(Math.round(rows * 0.05))} claimed, ${count(Math.round(rows * 0.8))} dismissed)`;
  },
  async pages(get, db) {
    const next = nextCursorIn(await get("/alerts"), "/alerts");
    const { rows } = await db.pool.query<{ id: string }>(
      "select id::text as id from risk_compliance.alert where status = 'new' order by priority, due_at limit 1",
    );
    return {
      "queue, open (first page)": "/alerts",
      "queue, open (next page, keyset)": `/alerts?after=${next}`,
      "claimed by me": "/alerts?view=mine",
      breached: "/alerts?view=breached",
      closed: "/alerts?view=closed",
      "alert detail": `/alerts/${rows[0]?.id}`,
    };
  },
};
