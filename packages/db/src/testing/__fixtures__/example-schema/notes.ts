import { integer, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { exampleKit } from "./schema.ts";

/** A note on a customer: the kind of operational state a kit owns in Lakebase. */
export const notes = exampleKit.table("notes", {
  id: uuid("id").primaryKey().defaultRandom(),
  customerId: text("customer_id").notNull(),
  body: text("body").notNull(),
  idempotencyKey: text("idempotency_key").unique(),
  version: integer("version").notNull().default(1),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
