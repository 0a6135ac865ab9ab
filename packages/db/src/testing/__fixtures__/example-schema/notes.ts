import { text } from "drizzle-orm/pg-core";
import { id, idempotencyKey, timestamps, version } from "../../../columns.ts";
import { exampleKit } from "./schema.ts";

/** A note on a customer: the kind of operational state a kit owns in Lakebase. */
export const notes = exampleKit.table("notes", {
  id: id(),
  customerId: text("customer_id").notNull(),
  body: text("body").notNull(),
  idempotencyKey: idempotencyKey(),
  version: version(),
  ...timestamps(),
});
