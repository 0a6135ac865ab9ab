// GET /api/customers?q=&segment=&page=: the masked customer list as JSON, for tools that call the kit.
import { tableParams, tableQuery } from "@appbase/next-kit/query";
import { recordPiiAccess } from "../../../domain/audit/pii-access.ts";
import { customerTableSpec } from "../../../domain/customers/customer-table-spec.ts";
import { emptyCustomerListPage, listCustomers } from "../../../domain/customers/list-customers.ts";
import { readSynced } from "../../../domain/freshness/synced-read.ts";
import { db, defineRoute } from "../../../server/kit.ts";
import { syncHealth } from "../../../server/sync-health.ts";
import { viewerRules } from "../../../server/viewer-rules.ts";

export const dynamic = "force-dynamic";

export const GET = defineRoute({
  permission: "customer.read",
  // Hostile parameters are a 400 here; tableParams reports values it ignores (an unknown sort, a bad page).
  input: tableQuery,
  handler: async (query, { identity }) => {
    const params = tableParams(query, customerTableSpec);
    const pool = await db();
    const sync = await syncHealth(pool);
    const rules = viewerRules(identity, sync.level === "fallback");
    const read = await readSynced(() => listCustomers(pool, identity, params, rules), emptyCustomerListPage);
    const customerIds = read.value.rows.map((r) => r.customerId);
    await recordPiiAccess(pool, { viewer: identity, surface: "api-customers", customerIds, rules });
    const syncLevel = read.missing ? "missing" : sync.level;
    return {
      ...read.value,
      page: params.page,
      pageSize: params.pageSize,
      issues: params.issues,
      sync: syncLevel,
    };
  },
});
