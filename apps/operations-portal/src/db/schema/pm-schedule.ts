import { sql } from "drizzle-orm";
import { boolean, check, date, integer, jsonb, text, uuid } from "drizzle-orm/pg-core";
import { operationsPortal } from "./operations-portal-schema.ts";

/**
 * Preventive maintenance for every asset of a class: every `intervalDays` (time-based) or every
 * `intervalHours` of run time (meter-based); orders are generated `leadDays` ahead of due.
 */
export const pmSchedule = operationsPortal.table(
  "pm_schedule",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    assetType: text("asset_type").notNull(),
    title: text("title").notNull(),
    trigger: text("trigger").notNull(),
    intervalDays: integer("interval_days"),
    intervalHours: integer("interval_hours"),
    /** First due date of a time-based schedule. */
    anchorOn: date("anchor_on", { mode: "string" }),
    leadDays: integer("lead_days").notNull().default(7),
    priority: text("priority").notNull().default("medium"),
    checklist: jsonb("checklist").$type<string[]>().notNull().default([]),
    active: boolean("active").notNull().default(true),
  },
  (t) => [
    check(
      "pm_schedule_trigger_check",
      sql`(${t.trigger} = 'time' and ${t.intervalDays} between 1 and 3650 and ${t.anchorOn} is not null)
       or (${t.trigger} = 'meter' and ${t.intervalHours} between 1 and 100000)`,
    ),
    check("pm_schedule_lead_check", sql`${t.leadDays} between 0 and 365`),
    check("pm_schedule_title_length_check", sql`char_length(${t.title}) between 1 and 200`),
  ],
);

export type PmScheduleRow = typeof pmSchedule.$inferSelect;
