import { sql } from "drizzle-orm";
import { check, integer, text, timestamp } from "drizzle-orm/pg-core";
import { customerHub } from "./customer-hub-schema.ts";

/** Workflow status per customer; no row means the customer is still `new`. */
export const customerStatus = customerHub.table(
  "customer_status",
  {
    customerId: text("customer_id").primaryKey(),
    status: text("status").notNull(),
    version: integer("version").notNull().default(1),
    updatedBy: text("updated_by").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      "customer_status_status_check",
      sql`${t.status} in ('new','contacted','engaged','retained','churned')`,
    ),
  ],
);

export type CustomerStatusRow = typeof customerStatus.$inferSelect;
