import type { Queryable } from "@appbase/db";
import { ConflictError } from "@appbase/next-kit/errors";
import { assertCustomerVisible, type Viewer } from "../customers/access.ts";
import { assertTransition, type WorkflowStatus } from "./workflow.ts";

/** A customer's workflow status; version 0 means "never moved" (implicitly `new`). */
export interface CustomerWorkflow {
  customerId: string;
  status: WorkflowStatus;
  version: number;
  updatedBy: string | null;
  updatedAt: Date | null;
}

/** Reads the workflow status; a customer nobody has moved yet is `new` at version 0. */
export async function getWorkflow(db: Queryable, customerId: string): Promise<CustomerWorkflow> {
  const { rows } = await db.query<{
    status: WorkflowStatus;
    version: number;
    updated_by: string;
    updated_at: Date;
  }>(
    "select status, version, updated_by, updated_at from customer_hub.customer_status where customer_id = $1",
    [customerId],
  );
  const row = rows[0];
  return row
    ? {
        customerId,
        status: row.status,
        version: row.version,
        updatedBy: row.updated_by,
        updatedAt: row.updated_at,
      }
    : { customerId, status: "new", version: 0, updatedBy: null, updatedAt: null };
}

/**
 * Moves a customer to `to` if the move is allowed and nobody moved them since `expectedVersion`.
 * The status change and its activity entry are one statement, so history never misses a change.
 */
export async function moveStatus(
  db: Queryable,
  input: { customerId: string; to: WorkflowStatus; expectedVersion: number; actor: Viewer },
): Promise<CustomerWorkflow> {
  await assertCustomerVisible(db, input.actor, input.customerId);
  const current = await getWorkflow(db, input.customerId);
  if (current.version !== input.expectedVersion) {
    throw new ConflictError(
      `${current.updatedBy ?? "Someone"} changed this status to ${current.status} meanwhile.`,
      current,
    );
  }
  assertTransition(current.status, input.to);
  const write =
    input.expectedVersion === 0
      ? `insert into customer_hub.customer_status (customer_id, status, version, updated_by)
           select $1, $2, 1, $4 where $3::int = 0 on conflict (customer_id) do nothing returning *`
      : `update customer_hub.customer_status set status = $2, version = version + 1, updated_by = $4, updated_at = now()
          where customer_id = $1 and version = $3 returning *`;
  const { rows } = await db.query<{
    status: WorkflowStatus;
    version: number;
    updated_by: string;
    updated_at: Date;
  }>(
    `with changed as (${write}),
          logged as (insert into customer_hub.activity (customer_id, actor_email, action, detail)
                     select customer_id, $4, 'status.changed', jsonb_build_object('from', $5::text, 'to', status) from changed)
     select status, version, updated_by, updated_at from changed`,
    [input.customerId, input.to, input.expectedVersion, input.actor.email, current.status],
  );
  const row = rows[0];
  if (!row) {
    const now = await getWorkflow(db, input.customerId);
    throw new ConflictError(
      `${now.updatedBy ?? "Someone"} changed this status to ${now.status} meanwhile.`,
      now,
    );
  }
  return {
    customerId: input.customerId,
    status: row.status,
    version: row.version,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
  };
}
