import { text, timestamp, uuid } from "drizzle-orm/pg-core";
import { alert } from "./alert.ts";
import { riskCompliance } from "./risk-compliance-schema.ts";

/**
 * Which synced gold alerts (`risk.alerts`) the kit's intake has taken in, and the queue alert each
 * became or joined (a repeat signal joins its open alert). Intake raises only alerts not listed here.
 */
export const syncedAlertIntake = riskCompliance.table("synced_alert_intake", {
  sourceAlertId: text("source_alert_id").primaryKey(),
  alertId: uuid("alert_id")
    .notNull()
    .references(() => alert.id),
  takenAt: timestamp("taken_at", { withTimezone: true }).notNull().defaultNow(),
});
