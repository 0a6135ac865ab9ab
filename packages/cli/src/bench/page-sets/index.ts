import type { PageSet } from "../page-ttfb.ts";
import { THREAD_PAGES } from "./agent-ops.ts";
import { CUSTOMER_PAGES } from "./customer-hub.ts";
import { WORK_ORDER_PAGES } from "./operations-portal.ts";
import { ALERT_PAGES } from "./risk-compliance.ts";

/** The page sets by kit id. */
export const PAGE_SETS: Record<string, PageSet> = {
  "customer-hub": CUSTOMER_PAGES,
  "risk-compliance": ALERT_PAGES,
  "operations-portal": WORK_ORDER_PAGES,
  "agent-ops": THREAD_PAGES,
};
