import "server-only";
import { recurringStep } from "@appbase/telemetry/node";
import { importWorkOrderHistory } from "../domain/work-orders/import-history.ts";
import { db } from "./kit.ts";

/**
 * The startup step that gives a fresh deployment its work-order history: takes the synced
 * `operations.work_orders` rows not yet imported into the portal's work orders, at start and every 5
 * minutes (idempotent by source id). `db()` applies the kit's migrations first.
 */
export const workOrderHistoryStep = recurringStep({
  name: "work-order history",
  kit: "operations-portal",
  everyMs: 5 * 60_000,
  run: async () => {
    const added = await importWorkOrderHistory(await db());
    return added === 0 ? null : `imported ${added} work order(s) from the synced history`;
  },
});
