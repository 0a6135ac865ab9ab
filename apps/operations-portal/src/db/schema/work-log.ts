import { sql } from "drizzle-orm";
import { check, doublePrecision, index, integer, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { operationsPortal } from "./operations-portal-schema.ts";

/** Parts used and time spent on a work order; one row per entry, keyed by the form's request id. */
export const workLog = operationsPortal.table(
  "work_log",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workOrderId: uuid("work_order_id").notNull(),
    entry: text("entry").notNull(),
    /** Part number for a part, empty for time. */
    partNumber: text("part_number").notNull().default(""),
    quantity: doublePrecision("quantity"),
    minutes: integer("minutes"),
    note: text("note").notNull().default(""),
    requestId: uuid("request_id").notNull().unique(),
    recordedBy: text("recorded_by").notNull(),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("work_log_order_idx").on(t.workOrderId, t.recordedAt),
    check(
      "work_log_entry_check",
      sql`(${t.entry} = 'part' and ${t.quantity} > 0 and ${t.quantity} <= 10000 and char_length(${t.partNumber}) between 1 and 64)
       or (${t.entry} = 'time' and ${t.minutes} between 1 and 1440)`,
    ),
    check("work_log_note_length_check", sql`char_length(${t.note}) <= 500`),
  ],
);
