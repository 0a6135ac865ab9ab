import type { Queryable } from "@appbase/db";

/** Alerts raised per rule and UTC day over the last `days` days (zero days are left out). */
export async function alertVolume(
  db: Queryable,
  days = 30,
): Promise<{ day: string; ruleId: string; alerts: number }[]> {
  const { rows } = await db.query<{ day: string; rule_id: string; alerts: number }>(
    `select to_char(date_trunc('day', created_at at time zone 'UTC'), 'YYYY-MM-DD') as day, rule_id, count(*)::int as alerts
     from risk_compliance.alert where created_at >= now() - make_interval(days => $1)
     group by 1, 2 order by 1, 2`,
    [days],
  );
  return rows.map((r) => ({ day: r.day, ruleId: r.rule_id, alerts: r.alerts }));
}

export interface SlaBreaches {
  severity: string;
  /** Open and past due. */
  breached: number;
  /** Open, not yet due. */
  onTrack: number;
  /** Closed after the due time. */
  missed: number;
  /** Closed by the due time. */
  met: number;
}

/** SLA standing of every alert, per severity: breached/on track (open), missed/met (closed). */
export async function slaBreaches(db: Queryable): Promise<SlaBreaches[]> {
  const { rows } = await db.query<{
    severity: string;
    breached: number;
    on_track: number;
    missed: number;
    met: number;
  }>(
    `select severity,
       count(*) filter (where status in ('new','claimed') and due_at < now())::int as breached,
       count(*) filter (where status in ('new','claimed') and due_at >= now())::int as on_track,
       count(*) filter (where status not in ('new','claimed') and closed_at > due_at)::int as missed,
       count(*) filter (where status not in ('new','claimed') and closed_at <= due_at)::int as met
     from risk_compliance.alert group by severity
     order by array_position(array['critical','high','medium','low'], severity)`,
  );
  return rows.map((r) => ({
    severity: r.severity,
    breached: r.breached,
    onTrack: r.on_track,
    missed: r.missed,
    met: r.met,
  }));
}

/** Closed cases per disposition. */
export async function dispositions(db: Queryable): Promise<{ disposition: string; cases: number }[]> {
  const { rows } = await db.query<{ disposition: string; cases: number }>(
    `select disposition, count(*)::int as cases from risk_compliance.risk_case
     where status = 'closed' group by 1 order by 2 desc, 1`,
  );
  return rows;
}

/** Hours from opening to closing per risk level: median and 90th percentile over closed cases. */
export async function timeToClose(
  db: Queryable,
): Promise<{ riskLevel: string; cases: number; medianHours: number; p90Hours: number }[]> {
  const { rows } = await db.query<{ risk_level: string; cases: number; median: number; p90: number }>(
    `select risk_level, count(*)::int as cases,
       percentile_cont(0.5) within group (order by extract(epoch from closed_at - created_at) / 3600)::float8 as median,
       percentile_cont(0.9) within group (order by extract(epoch from closed_at - created_at) / 3600)::float8 as p90
     from risk_compliance.risk_case where status = 'closed'
     group by 1 order by array_position(array['critical','high','medium','low'], risk_level)`,
  );
  return rows.map((r) => ({
    riskLevel: r.risk_level,
    cases: r.cases,
    medianHours: r.median,
    p90Hours: r.p90,
  }));
}
