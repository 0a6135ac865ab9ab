import { bigserial, index, jsonb, text, timestamp } from "drizzle-orm/pg-core";
import { customerHub } from "./customer-hub-schema.ts";

/** Append-only history of who changed what on a customer, written in the same statement as the change. */
export const activity = customerHub.table(
  "activity",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    customerId: text("customer_id").notNull(),
    actorEmail: text("actor_email").notNull(),
    /** e.g. `note.added`, `status.changed`, `task.completed`. */
    action: text("action").notNull(),
    detail: jsonb("detail").$type<Record<string, unknown>>().notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("activity_customer_at_idx").on(t.customerId, t.at.desc())],
);

export type ActivityRow = typeof activity.$inferSelect;
