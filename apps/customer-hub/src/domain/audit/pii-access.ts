import { type Queryable, rowOf } from "@appbase/db";
import type { ResolvedColumnRule } from "@appbase/grants";
import { type PiiAccessRow, piiAccess } from "../../db/schema/pii-access.ts";

/** Where unmasked PII was shown. */
export type PiiSurface = "customer-detail" | "customer-list" | "api-customers";

export type PiiAccess = PiiAccessRow;

/** Whether these rules show any PII column unmasked (then the view is recorded). */
export function showsPii(rules: Record<string, ResolvedColumnRule>): boolean {
  return Object.values(rules).some((rule) => rule.unmasked);
}

/**
 * Records that `viewer` was shown unmasked PII of `customerIds` on `surface`, when the rules unmask
 * anything and there is someone to show; a masked view is not PII access and is not recorded.
 */
export async function recordPiiAccess(
  db: Queryable,
  input: {
    viewer: { email: string };
    surface: PiiSurface;
    customerIds: readonly string[];
    rules: Record<string, ResolvedColumnRule>;
  },
): Promise<void> {
  if (input.customerIds.length === 0 || !showsPii(input.rules)) return;
  await db.query(
    `insert into customer_hub.pii_access (viewer_email, surface, customer_ids) values ($1, $2, $3::text[])`,
    [input.viewer.email, input.surface, [...input.customerIds]],
  );
}

/** The PII access log, newest first, optionally for one customer or one viewer. */
export async function listPiiAccess(
  db: Queryable,
  filter: { customerId?: string; viewerEmail?: string; limit?: number } = {},
): Promise<PiiAccess[]> {
  const { rows } = await db.query(
    `select * from customer_hub.pii_access
      where ($1::text is null or $1 = any(customer_ids)) and ($2::text is null or viewer_email = $2)
      order by at desc, id desc limit $3`,
    [filter.customerId ?? null, filter.viewerEmail ?? null, filter.limit ?? 200],
  );
  return rows.map((row) => rowOf(piiAccess, row));
}
