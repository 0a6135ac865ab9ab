import { index, text } from "drizzle-orm/pg-core";
import { day } from "../columns.ts";
import { operationsSchema } from "../schemas.ts";

/** Physical assets per site. */
export const assets = operationsSchema.table(
  "assets",
  {
    asset_id: text("asset_id").primaryKey(),
    site_id: text("site_id").notNull(),
    asset_type: text("asset_type").notNull(),
    tag: text("tag").notNull(),
    manufacturer: text("manufacturer").notNull(),
    model: text("model").notNull(),
    install_date: day("install_date").notNull(),
    criticality: text("criticality").notNull(),
    status: text("status").notNull(),
  },
  (t) => [
    index("assets_site_idx").on(t.site_id),
    index("assets_type_idx").on(t.asset_type),
    index("assets_criticality_status_idx").on(t.criticality, t.status),
  ],
);
