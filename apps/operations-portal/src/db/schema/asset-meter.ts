import { doublePrecision, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { operationsPortal } from "./operations-portal-schema.ts";

/** Run-hour meter readings per asset, which meter-based maintenance schedules count against. */
export const assetMeter = operationsPortal.table(
  "asset_meter",
  {
    assetId: text("asset_id").notNull(),
    readAt: timestamp("read_at", { withTimezone: true }).notNull(),
    runHours: doublePrecision("run_hours").notNull(),
  },
  (t) => [primaryKey({ columns: [t.assetId, t.readAt] })],
);
