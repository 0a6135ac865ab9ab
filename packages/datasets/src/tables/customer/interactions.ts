import { doublePrecision, index, text } from "drizzle-orm/pg-core";
import { instant } from "../columns.ts";
import { customerSchema } from "../schemas.ts";

/** Customer touchpoints; read newest-first per customer. */
export const interactions = customerSchema.table(
  "interactions",
  {
    interaction_id: text("interaction_id").primaryKey(),
    customer_id: text("customer_id").notNull(),
    channel: text("channel").notNull(),
    kind: text("kind").notNull(),
    occurred_at: instant("occurred_at").notNull(),
    summary: text("summary").notNull(),
    sentiment: doublePrecision("sentiment"),
  },
  (t) => [
    index("interactions_customer_occurred_idx").on(t.customer_id, t.occurred_at.desc()),
    index("interactions_kind_idx").on(t.kind),
  ],
);
