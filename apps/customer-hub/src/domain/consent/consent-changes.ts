import { type Queryable, rowOf } from "@appbase/db";
import { type ConsentChangeRow, consentChanges } from "../../db/schema/consent-changes.ts";
import { assertCustomerVisible, type Viewer } from "../customers/access.ts";
import type { ConsentPurpose, Consents } from "../customers/consent.ts";
import { firstOfRequest } from "../retried-request.ts";

/** A recorded consent decision, as the UI sees it: the row without the client's retry key. */
export type ConsentChange = Omit<ConsentChangeRow, "requestId">;

/** The longest reason kept with a consent change (the table checks the same bound). */
export const CONSENT_REASON_MAX_LENGTH = 500;

function toChange(row: Record<string, unknown>): ConsentChange {
  const { requestId: _retryKey, ...change } = rowOf(consentChanges, row);
  return change;
}

/**
 * Records a consent decision on a customer the actor works, with its history entry in the same
 * statement (audited). The same `requestId` twice records it once.
 */
export async function recordConsentChange(
  db: Queryable,
  input: {
    customerId: string;
    purpose: ConsentPurpose;
    granted: boolean;
    reason: string;
    requestId: string;
    actor: Viewer;
  },
): Promise<ConsentChange> {
  await assertCustomerVisible(db, input.actor, input.customerId);
  const { rows } = await db.query(
    `with recorded as (
       insert into customer_hub.consent_changes (customer_id, purpose, granted, reason, request_id, recorded_by)
       values ($1, $2, $3, $4, $5, $6) on conflict (request_id) do nothing returning *),
     logged as (insert into customer_hub.activity (customer_id, actor_email, action, detail)
                select customer_id, recorded_by, 'consent.changed',
                       jsonb_build_object('purpose', purpose, 'granted', granted, 'reason', reason) from recorded)
     select * from recorded`,
    [input.customerId, input.purpose, input.granted, input.reason, input.requestId, input.actor.email],
  );
  if (rows[0]) return toChange(rows[0]);
  return toChange(await firstOfRequest(db, "consent_changes", input));
}

/** A customer's recorded consent decisions, newest first. */
export async function listConsentChanges(db: Queryable, customerId: string): Promise<ConsentChange[]> {
  const { rows } = await db.query(
    `select * from customer_hub.consent_changes where customer_id = $1 order by recorded_at desc, id`,
    [customerId],
  );
  return rows.map(toChange);
}

/** The consents in force: the synced flags, each overridden by the latest recorded decision on its purpose. */
export function consentsInForce(synced: Consents, changes: readonly ConsentChange[]): Consents {
  const inForce = { ...synced };
  const decided = new Set<ConsentPurpose>();
  for (const change of changes) {
    if (decided.has(change.purpose)) continue;
    decided.add(change.purpose);
    inForce[change.purpose] = change.granted;
  }
  return inForce;
}

/**
 * SQL for whether profiling is in force for the customers row aliased `alias`: the latest recorded
 * decision, else the synced flag (the list shows a churn score only with profiling consent).
 */
export function profilingInForceSql(alias: string): string {
  return `coalesce((select cc.granted from customer_hub.consent_changes cc
                     where cc.customer_id = ${alias}.customer_id and cc.purpose = 'profiling'
                     order by cc.recorded_at desc, cc.id desc limit 1), ${alias}.consent_profiling)`;
}
