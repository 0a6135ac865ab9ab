import { sql } from "drizzle-orm";
import { check, date, index, integer, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { customerHub } from "./customer-hub-schema.ts";

/** Follow-up work on a customer, assigned to a person with a due date. */
export const followUpTasks = customerHub.table(
  "follow_up_tasks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    customerId: text("customer_id").notNull(),
    title: text("title").notNull(),
    assigneeEmail: text("assignee_email").notNull(),
    dueDate: date("due_date", { mode: "string" }).notNull(),
    state: text("state", { enum: ["open", "done"] })
      .notNull()
      .default("open"),
    version: integer("version").notNull().default(1),
    requestId: uuid("request_id").notNull().unique(),
    createdBy: text("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
  },
  (t) => [
    index("follow_up_tasks_customer_idx").on(t.customerId, t.dueDate),
    index("follow_up_tasks_assignee_idx").on(t.assigneeEmail, t.state, t.dueDate),
    check("follow_up_tasks_state_check", sql`${t.state} in ('open','done')`),
    check("follow_up_tasks_title_length_check", sql`char_length(${t.title}) between 1 and 200`),
  ],
);

export type FollowUpTaskRow = typeof followUpTasks.$inferSelect;
