import { sql } from "drizzle-orm";
import { boolean, check, integer, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { operationsPortal } from "./operations-portal-schema.ts";

/** One step of a work order's checklist. */
export const checklistItem = operationsPortal.table(
  "checklist_item",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workOrderId: uuid("work_order_id").notNull(),
    position: integer("position").notNull(),
    label: text("label").notNull(),
    done: boolean("done").notNull().default(false),
    doneBy: text("done_by"),
    doneAt: timestamp("done_at", { withTimezone: true }),
  },
  (t) => [
    unique("checklist_item_position_key").on(t.workOrderId, t.position),
    check("checklist_item_label_length_check", sql`char_length(${t.label}) between 1 and 200`),
  ],
);
