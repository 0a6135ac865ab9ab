import type { Queryable } from "@appbase/db";
import { ConflictError } from "@appbase/next-kit/errors";

/**
 * The row an earlier submit with this `requestId` created, when an insert `on conflict (request_id) do
 * nothing` added none: a retry returns the first result. The id used for another customer (or a row
 * that is gone) is a conflict, so a retry never hands back another customer's record.
 */
export async function firstOfRequest(
  db: Queryable,
  table: "notes" | "follow_up_tasks" | "consent_changes",
  input: { requestId: string; customerId: string },
): Promise<Record<string, unknown>> {
  const { rows } = await db.query(`select * from customer_hub.${table} where request_id = $1`, [
    input.requestId,
  ]);
  if (!rows[0] || rows[0].customer_id !== input.customerId)
    throw new ConflictError("This request id was already used; reload and try again.", null);
  return rows[0];
}
