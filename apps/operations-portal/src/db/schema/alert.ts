import { queueColumns } from "@appbase/queue/columns";
import { sql } from "drizzle-orm";
import {
  check,
  doublePrecision,
  index,
  integer,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { operationsPortal } from "./operations-portal-schema.ts";

/**
 * The operator's alert queue (@appbase/queue): a threshold rule crossed by an asset's score. One
 * unclosed alert per asset and rule (`dedup_key`); a repeat signal bumps `duplicate_count`.
 */
export const alert = operationsPortal.table(
  "alert",
  {
    ...queueColumns("open"),
    dedupKey: text("dedup_key").notNull(),
    assetId: text("asset_id").notNull(),
    siteId: text("site_id").notNull(),
    assetType: text("asset_type").notNull(),
    ruleId: text("rule_id").notNull(),
    ruleDescription: text("rule_description").notNull(),
    value: doublePrecision("value").notNull(),
    scoredAt: timestamp("scored_at", { withTimezone: true }).notNull(),
    /** 1 (most urgent) .. 3, from the asset's criticality. */
    priority: integer("priority").notNull(),
    resolutionNote: text("resolution_note"),
    workOrderId: uuid("work_order_id"),
  },
  (t) => [
    uniqueIndex("alert_open_dedup_key").on(t.dedupKey).where(sql`status in ('open', 'claimed')`),
    index("alert_claim_order_idx").on(t.status, t.priority, t.dueAt),
    index("alert_asset_idx").on(t.assetId, t.status),
    check(
      "alert_status_check",
      sql`${t.status} in ('open','claimed','acknowledged','dismissed','work_order')`,
    ),
    check("alert_resolution_note_length_check", sql`char_length(${t.resolutionNote}) <= 500`),
  ],
);
