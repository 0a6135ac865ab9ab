// GET /api/customers?q=&segment=&page=: the masked customer list as JSON, for tools that call the kit.
import { parseTableParams } from "@appbase/ui/data-table";
import { z } from "zod";
import { customerTableSpec } from "../../../domain/customers/customer-table-spec.ts";
import { listCustomers } from "../../../domain/customers/list-customers.ts";
import { readSynced } from "../../../domain/freshness/synced-read.ts";
import { db, defineRoute } from "../../../server/kit.ts";
import { syncHealth } from "../../../server/sync-health.ts";
import { viewerRules } from "../../../server/viewer-rules.ts";

export const dynamic = "force-dynamic";

export const GET = defineRoute({
  permission: "customer.read",
  // parseTableParams validates each parameter and reports ignored ones; here only strings are required.
  input: z.record(z.string(), z.string()),
  handler: async (query, { identity }) => {
    const params = parseTableParams(query, customerTableSpec);
    const pool = await db();
    const sync = await syncHealth(pool);
    const rules = viewerRules(identity, sync.level === "fallback");
    const read = await readSynced(() => listCustomers(pool, identity, params, rules), { rows: [], total: 0 });
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
