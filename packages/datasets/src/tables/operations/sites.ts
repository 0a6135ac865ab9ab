import { index, text } from "drizzle-orm/pg-core";
import { day } from "../columns.ts";
import { operationsSchema } from "../schemas.ts";

/** Sites that hold assets. */
export const sites = operationsSchema.table(
  "sites",
  {
    site_id: text("site_id").primaryKey(),
    name: text("name").notNull(),
    site_type: text("site_type").notNull(),
    city: text("city").notNull(),
    country_code: text("country_code").notNull(),
    region: text("region").notNull(),
    timezone: text("timezone").notNull(),
    commissioned_on: day("commissioned_on").notNull(),
  },
  (t) => [index("sites_region_idx").on(t.region)],
);
