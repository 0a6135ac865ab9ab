import { doublePrecision, primaryKey, text } from "drizzle-orm/pg-core";
import { instant } from "../columns.ts";
import { customerSchema } from "../schemas.ts";

/** Feature values per customer, each with its own computed_at (the primary key serves lookups by customer). */
export const customerFeatures = customerSchema.table(
  "customer_features",
  {
    customer_id: text("customer_id").notNull(),
    feature_name: text("feature_name").notNull(),
    value: doublePrecision("value"),
    computed_at: instant("computed_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.customer_id, t.feature_name] })],
);
