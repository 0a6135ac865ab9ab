import { bigserial, index, integer, jsonb, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { operationsPortal } from "./operations-portal-schema.ts";

/** Append-only field-level history of a work order, written in the same statement as the change. */
export const workOrderEvent = operationsPortal.table(
  "work_order_event",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    workOrderId: uuid("work_order_id").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actor: text("actor").notNull(),
    /** The column that changed (`status`, `assignee_id`, …) or a child list (`checklist`, `parts`, `time`). */
    field: text("field").notNull(),
    oldValue: jsonb("old_value"),
    newValue: jsonb("new_value"),
    /** The work order's version after the change. */
    version: integer("version").notNull(),
  },
  (t) => [index("work_order_event_order_idx").on(t.workOrderId, t.id)],
);

export type WorkOrderEventRow = typeof workOrderEvent.$inferSelect;
