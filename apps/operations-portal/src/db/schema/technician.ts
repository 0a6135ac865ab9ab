import { boolean, text } from "drizzle-orm/pg-core";
import { operationsPortal } from "./operations-portal-schema.ts";

/** People work orders can be assigned to; `id` is the identity's user id, which the row rule matches. */
export const technician = operationsPortal.table("technician", {
  id: text("id").primaryKey(),
  displayName: text("display_name").notNull(),
  email: text("email").notNull().unique(),
  homeSiteId: text("home_site_id"),
  active: boolean("active").notNull().default(true),
});

export type TechnicianRow = typeof technician.$inferSelect;
