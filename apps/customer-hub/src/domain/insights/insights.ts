import type { Queryable } from "../../db/queryable.ts";
import { WORKFLOW_STATUSES, type WorkflowStatus } from "../status/workflow.ts";

/** A labelled count for a chart. */
export interface Slice {
  label: string;
  count: number;
}

/** Customers per segment, largest first. */
export async function segmentMix(db: Queryable): Promise<Slice[]> {
  const { rows } = await db.query<{ label: string; count: string }>(
    "select segment as label, count(*)::text as count from customer.customers group by segment order by count(*) desc",
  );
  return rows.map((r) => ({ label: r.label, count: Number(r.count) }));
}

/** Customers per churn-risk band, low → high. */
export async function churnRiskDistribution(db: Queryable): Promise<Slice[]> {
  const { rows } = await db.query<{ label: string; count: string }>(
    `select churn_risk_band as label, count(*)::text as count from customer.customers group by churn_risk_band
      order by array_position(array['low','medium','high'], churn_risk_band)`,
  );
  return rows.map((r) => ({ label: r.label, count: Number(r.count) }));
}

/** How many customers sit at each workflow stage; customers nobody has moved yet count as `new`. */
export async function statusFunnel(db: Queryable): Promise<Slice[]> {
  const [moved, total] = await Promise.all([
    db.query<{ status: WorkflowStatus; count: string }>(
      "select status, count(*)::text as count from customer_hub.customer_status group by status",
    ),
    db.query<{ count: string }>("select count(*)::text as count from customer.customers"),
  ]);
  const counts = new Map(moved.rows.map((r) => [r.status, Number(r.count)]));
  const movedTotal = [...counts.values()].reduce((a, b) => a + b, 0);
  return WORKFLOW_STATUSES.map((status) => ({
    label: status,
    count:
      status === "new"
        ? Math.max(0, Number(total.rows[0]?.count ?? 0) - movedTotal) + (counts.get("new") ?? 0)
        : (counts.get(status) ?? 0),
  }));
}
