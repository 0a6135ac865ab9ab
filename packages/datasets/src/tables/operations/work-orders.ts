import { doublePrecision, index, text } from "drizzle-orm/pg-core";
import { instant } from "../columns.ts";
import { operationsSchema } from "../schemas.ts";

/** Maintenance work orders (the synced history the operations portal starts from). */
export const workOrders = operationsSchema.table(
  "work_orders",
  {
    work_order_id: text("work_order_id").primaryKey(),
    asset_id: text("asset_id").notNull(),
    site_id: text("site_id").notNull(),
    title: text("title").notNull(),
    work_type: text("work_type").notNull(),
    status: text("status").notNull(),
    priority: text("priority").notNull(),
    assignee: text("assignee"),
    estimated_hours: doublePrecision("estimated_hours").notNull(),
    opened_at: instant("opened_at").notNull(),
    due_at: instant("due_at").notNull(),
    started_at: instant("started_at"),
    completed_at: instant("completed_at"),
    closed_at: instant("closed_at"),
  },
  (t) => [
    index("work_orders_asset_idx").on(t.asset_id),
    index("work_orders_site_status_idx").on(t.site_id, t.status),
    index("work_orders_status_priority_due_idx").on(t.status, t.priority, t.due_at),
  ],
);
