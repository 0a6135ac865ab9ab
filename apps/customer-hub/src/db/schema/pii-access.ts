import { bigserial, index, text, timestamp } from "drizzle-orm/pg-core";
import { customerHub } from "./customer-hub-schema.ts";

/** Who was shown unmasked PII of which customers, where and when: what an auditor reads (audit.read). */
export const piiAccess = customerHub.table(
  "pii_access",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    viewerEmail: text("viewer_email").notNull(),
    /** Where it was shown: `customer-detail`, `customer-list` or `api-customers`. */
    surface: text("surface").notNull(),
    customerIds: text("customer_ids").array().notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("pii_access_at_idx").on(t.at.desc()),
    index("pii_access_customer_ids_idx").using("gin", t.customerIds),
  ],
);

export type PiiAccessRow = typeof piiAccess.$inferSelect;
