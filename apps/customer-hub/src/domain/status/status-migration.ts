import type { Queryable } from "@appbase/db";
import { FieldRuleError } from "@appbase/next-kit/errors";
import { type Viewer, visibleCustomers } from "../customers/access.ts";
import { assertTransition, type WorkflowStatus } from "./workflow.ts";

/** A bulk status change a team lead previews on a branch: every matching customer in `from` moves to `to`. */
export interface StatusMigration {
  from: WorkflowStatus;
  to: WorkflowStatus;
  /** Only customers of this segment (e.g. `small_business`); all segments when absent. */
  segment?: string;
  /** Only customers in this churn risk band; all bands when absent. */
  churnRiskBand?: string;
  /** Why, shown on the review page and recorded in each customer's activity. */
  note?: string;
}

/** Which customers move, at the status version the plan saw (0: never moved, implicitly `new`). */
export interface StatusMigrationPlan {
  migration: StatusMigration;
  targets: { customerId: string; version: number }[];
}

export interface StatusMigrationOutcome {
  moved: string[];
  /** Customers whose status changed since the plan: left as they are. */
  conflicts: { customerId: string; reason: string }[];
}

/** At most this many customers per migration: one preview stays reviewable and one statement applies it. */
export const MAX_MIGRATION_CUSTOMERS = 5_000;

export function describeStatusMigration(m: StatusMigration): string {
  const scope = [
    m.segment ? `${m.segment} segment` : "",
    m.churnRiskBand ? `${m.churnRiskBand} churn risk` : "",
  ]
    .filter(Boolean)
    .join(", ");
  return `Move ${m.from} customers${scope ? ` (${scope})` : ""} to ${m.to}`;
}

/**
 * The customers the migration moves, as the viewer may see them (the `assigned-customers` row rule),
 * with the status version each is at. An illegal move is a field error on `to`; an empty or
 * oversized selection is a field error on `from`.
 */
export async function planStatusMigration(
  db: Queryable,
  viewer: Viewer,
  migration: StatusMigration,
): Promise<StatusMigrationPlan> {
  try {
    assertTransition(migration.from, migration.to);
  } catch (error) {
    if (error instanceof FieldRuleError) throw new FieldRuleError("to", error.message);
    throw error;
  }
  const scope = visibleCustomers(viewer, { alias: "c", firstParam: 4 });
  const { rows } = await db.query<{ customer_id: string; version: number }>(
    `select c.customer_id, coalesce(s.version, 0) as version
       from customer.customers c
       left join customer_hub.customer_status s on s.customer_id = c.customer_id
      where coalesce(s.status, 'new') = $1
        and ($2::text is null or c.segment = $2)
        and ($3::text is null or c.churn_risk_band = $3)
        and ${scope.sql}
      order by c.customer_id
      limit ${MAX_MIGRATION_CUSTOMERS + 1}`,
    [migration.from, migration.segment ?? null, migration.churnRiskBand ?? null, ...scope.params],
  );
  if (rows.length === 0)
    throw new FieldRuleError(
      "from",
      `No ${describeStatusMigration(migration).slice(5)}: nothing to migrate.`,
    );
  if (rows.length > MAX_MIGRATION_CUSTOMERS)
    throw new FieldRuleError(
      "from",
      `More than ${MAX_MIGRATION_CUSTOMERS.toLocaleString("en-US")} customers match; narrow it by segment or churn risk band.`,
    );
  return { migration, targets: rows.map((r) => ({ customerId: r.customer_id, version: Number(r.version) })) };
}

/**
 * Moves the planned customers in one statement: each only if its status is still at the planned
 * version (a customer never moved gets its first status row), with one activity entry per move.
 * Customers changed since the plan, or no longer visible to the viewer, are conflicts, not overwritten.
 */
export async function runStatusMigration(
  db: Queryable,
  viewer: Viewer,
  plan: StatusMigrationPlan,
): Promise<StatusMigrationOutcome> {
  const { from, to, note } = plan.migration;
  const scope = visibleCustomers(viewer, { alias: "c", firstParam: 6 });
  const { rows } = await db.query<{ customer_id: string }>(
    `with targets as (
       select t.customer_id, t.version
         from jsonb_to_recordset($1::jsonb) as t(customer_id text, version int)
         join customer.customers c on c.customer_id = t.customer_id
        where ${scope.sql}),
     updated as (
       update customer_hub.customer_status s
          set status = $2, version = s.version + 1, updated_by = $3, updated_at = now()
         from targets t
        where s.customer_id = t.customer_id and t.version > 0 and s.version = t.version and s.status = $4
        returning s.customer_id),
     inserted as (
       insert into customer_hub.customer_status (customer_id, status, version, updated_by)
       select customer_id, $2, 1, $3 from targets where version = 0
       on conflict (customer_id) do nothing
       returning customer_id),
     moved as (select customer_id from updated union all select customer_id from inserted),
     logged as (
       insert into customer_hub.activity (customer_id, actor_email, action, detail)
       select customer_id, $3, 'status.changed',
              jsonb_build_object('from', $4::text, 'to', $2::text, 'migration', true)
              || case when $5::text is null then '{}'::jsonb else jsonb_build_object('note', $5::text) end
         from moved)
     select customer_id from moved order by customer_id`,
    [
      JSON.stringify(plan.targets.map((t) => ({ customer_id: t.customerId, version: t.version }))),
      to,
      viewer.email,
      from,
      note ?? null,
      ...scope.params,
    ],
  );
  const moved = rows.map((r) => r.customer_id);
  const done = new Set(moved);
  return {
    moved,
    conflicts: plan.targets
      .filter((t) => !done.has(t.customerId))
      .map((t) => ({
        customerId: t.customerId,
        reason: `its status changed since the preview (it was ${from} at version ${t.version})`,
      })),
  };
}
