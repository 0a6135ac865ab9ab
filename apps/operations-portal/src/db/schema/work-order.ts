import { sql } from "drizzle-orm";
import { check, index, integer, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { operationsPortal } from "./operations-portal-schema.ts";

/**
 * A work order on an asset. `status` follows the lifecycle in domain/work-orders/lifecycle.ts;
 * `version` guards every change (optimistic concurrency); overdue/breached are derived, not stored.
 */
export const workOrder = operationsPortal.table(
  "work_order",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Short human number shown as WO-1042. */
    number: integer("number").generatedAlwaysAsIdentity({ startWith: 1001 }).notNull().unique(),
    assetId: text("asset_id").notNull(),
    siteId: text("site_id").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    kind: text("kind").notNull(),
    priority: text("priority").notNull(),
    status: text("status").notNull().default("open"),
    assigneeId: text("assignee_id"),
    holdReason: text("hold_reason"),
    cancelReason: text("cancel_reason"),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull().defaultNow(),
    responseDueAt: timestamp("response_due_at", { withTimezone: true }).notNull(),
    completionDueAt: timestamp("completion_due_at", { withTimezone: true }).notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    onHoldSince: timestamp("on_hold_since", { withTimezone: true }),
    holdSeconds: integer("hold_seconds").notNull().default(0),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    /** Where the order came from when not opened by hand: `alert:<id>` or `history:<work order id>`; one order each. */
    source: text("source"),
    pmScheduleId: uuid("pm_schedule_id"),
    /** Which occurrence of the schedule this is (`date:2026-12-01` or `meter:1500`); unique per schedule and asset. */
    pmDueKey: text("pm_due_key"),
    /** Client-generated key so a retried "create" does not open a second order. */
    requestId: uuid("request_id").unique(),
    version: integer("version").notNull().default(1),
    createdBy: text("created_by").notNull(),
    updatedBy: text("updated_by").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("work_order_site_status_idx").on(t.siteId, t.status),
    index("work_order_asset_idx").on(t.assetId, t.status),
    index("work_order_assignee_idx").on(t.assigneeId, t.status),
    // Keyset pages of the list (domain/work-orders/list-work-orders.ts): open before closed, the nearest
    // completion target first; a technician's own (the assigned-work-orders row rule) led by the assignee.
    index("work_order_urgency_page_idx").on(
      sql`(${t.status} in ('complete','cancelled'))`,
      t.completionDueAt,
      t.number,
    ),
    index("work_order_assignee_page_idx").on(
      t.assigneeId,
      sql`(${t.status} in ('complete','cancelled'))`,
      t.completionDueAt,
      t.number,
    ),
    unique("work_order_pm_occurrence_key").on(t.pmScheduleId, t.assetId, t.pmDueKey),
    unique("work_order_source_key").on(t.source),
    check(
      "work_order_status_check",
      sql`${t.status} in ('open','in_progress','on_hold','complete','cancelled')`,
    ),
    check("work_order_priority_check", sql`${t.priority} in ('low','medium','high','urgent')`),
    check("work_order_kind_check", sql`${t.kind} in ('reactive','preventive')`),
    check("work_order_title_length_check", sql`char_length(${t.title}) between 1 and 200`),
    check("work_order_description_length_check", sql`char_length(${t.description}) <= 4000`),
    check(
      "work_order_reasons_check",
      sql`(${t.status} <> 'on_hold' or ${t.holdReason} is not null) and (${t.status} <> 'cancelled' or ${t.cancelReason} is not null)`,
    ),
  ],
);

export type WorkOrderRow = typeof workOrder.$inferSelect;
