import type { Queryable } from "@appbase/db";

/** A monitored entity and, when the person banks with us, their Customer 360 id (risk.entities.customer_id). */
export interface EntityCustomer {
  entityId: string;
  customerId: string | null;
}

/** The customer ids of the given entities, in the order asked; an unknown entity has none. */
export async function customersOfEntities(
  db: Queryable,
  entityIds: readonly string[],
): Promise<EntityCustomer[]> {
  const unique = [...new Set(entityIds)];
  if (unique.length === 0) return [];
  const { rows } = await db.query<{ entity_id: string; customer_id: string | null }>(
    "select entity_id, customer_id from risk.entities where entity_id = any($1::text[])",
    [unique],
  );
  const byId = new Map(rows.map((r) => [r.entity_id, r.customer_id]));
  return unique.map((entityId) => ({ entityId, customerId: byId.get(entityId) ?? null }));
}

/** The entities a case links (in the order they were linked), each with its customer id. */
export async function caseEntityCustomers(db: Queryable, caseId: string): Promise<EntityCustomer[]> {
  const { rows } = await db.query<{ entity_id: string; customer_id: string | null }>(
    `select ce.entity_id, e.customer_id from risk_compliance.case_entity ce
     left join risk.entities e on e.entity_id = ce.entity_id
     where ce.case_id = $1 order by ce.linked_at, ce.entity_id`,
    [caseId],
  );
  return rows.map((r) => ({ entityId: r.entity_id, customerId: r.customer_id }));
}
