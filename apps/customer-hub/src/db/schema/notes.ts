import { sql } from "drizzle-orm";
import { check, index, integer, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { customerHub } from "./customer-hub-schema.ts";

/** Free-text notes on a customer; `version` guards edits against lost updates. */
export const notes = customerHub.table(
  "notes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    customerId: text("customer_id").notNull(),
    body: text("body").notNull(),
    version: integer("version").notNull().default(1),
    /** Client-generated key so a retried "add" does not create a second note. */
    requestId: uuid("request_id").notNull().unique(),
    authorEmail: text("author_email").notNull(),
    updatedBy: text("updated_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("notes_customer_created_idx").on(t.customerId, t.createdAt.desc()),
    check("notes_body_length_check", sql`char_length(${t.body}) between 1 and 4000`),
  ],
);

export type NoteRow = typeof notes.$inferSelect;
