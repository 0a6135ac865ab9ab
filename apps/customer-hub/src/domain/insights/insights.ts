import type { Queryable } from "@appbase/db";
import { type Viewer, visibleCustomerIds, visibleCustomers } from "../customers/access.ts";
import { WORKFLOW_STATUSES, type WorkflowStatus } from "../status/workflow.ts";

/** A labelled count for a chart. */
export interface Slice {
  label: string;
  count: number;
}

// Every chart counts only the customers the viewer may see (the `assigned-customers` row rule).

/** Customers per segment, largest first. */
export async function segmentMix(db: Queryable, viewer: Viewer): Promise<Slice[]> {
  const scope = visibleCustomers(viewer);
  const { rows } = await db.query<{ label: string; count: string }>(
    `select segment as label, count(*)::text as count from customer.customers where ${scope.sql}
      group by segment order by count(*) desc`,
    scope.params,
  );
  return rows.map((r) => ({ label: r.label, count: Number(r.count) }));
}

/** Customers per churn-risk band, low → high. */
export async function churnRiskDistribution(db: Queryable, viewer: Viewer): Promise<Slice[]> {
  const scope = visibleCustomers(viewer);
  const { rows } = await db.query<{ label: string; count: string }>(
    `select churn_risk_band as label, count(*)::text as count from customer.customers where ${scope.sql}
      group by churn_risk_band order by array_position(array['low','medium','high'], churn_risk_band)`,
    scope.params,
  );
  return rows.map((r) => ({ label: r.label, count: Number(r.count) }));
}

/** The workflow as a funnel: how many customers reached each stage (or beyond), and how many churned. */
export async function statusFunnel(
  db: Queryable,
  viewer: Viewer,
): Promise<{ steps: Slice[]; churned: number }> {
  const moves = visibleCustomerIds(viewer, "customer_id", 1);
  const scope = visibleCustomers(viewer);
  const [moved, total] = await Promise.all([
    db.query<{ status: WorkflowStatus; count: string }>(
      `select status, count(*)::text as count from customer_hub.customer_status where ${moves.sql} group by status`,
      moves.params,
    ),
    db.query<{ count: string }>(
      `select count(*)::text as count from customer.customers where ${scope.sql}`,
      scope.params,
    ),
  ]);
  const counts = new Map(moved.rows.map((r) => [r.status, Number(r.count)]));
  const churned = counts.get("churned") ?? 0;
  // Customers nobody has moved are still `new`; everyone not churned has at least reached `new`.
  const stages = WORKFLOW_STATUSES.filter((s) => s !== "churned");
  const steps = stages.map((stage, i) => ({
    label: stage,
    count:
      i === 0
        ? Math.max(0, Number(total.rows[0]?.count ?? 0) - churned)
        : stages.slice(i).reduce((sum, later) => sum + (counts.get(later) ?? 0), 0),
  }));
  return { steps, churned };
}
