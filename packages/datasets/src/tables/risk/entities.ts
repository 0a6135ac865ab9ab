import { sql } from "drizzle-orm";
import { boolean, index, text } from "drizzle-orm/pg-core";
import { day, instant } from "../columns.ts";
import { riskSchema } from "../schemas.ts";

/** Monitored counterparties (synced from gold). */
export const entities = riskSchema.table(
  "entities",
  {
    entity_id: text("entity_id").primaryKey(),
    entity_type: text("entity_type").notNull(),
    name: text("name").notNull(),
    country_code: text("country_code").notNull(),
    sector: text("sector"),
    registration_number: text("registration_number"),
    date_of_birth: day("date_of_birth"),
    is_pep: boolean("is_pep").notNull(),
    kyc_status: text("kyc_status").notNull(),
    onboarded_at: instant("onboarded_at").notNull(),
    /** The Customer 360 record (customer.customers) of a monitored person who banks with us. */
    customer_id: text("customer_id"),
  },
  (t) => [
    index("entities_name_search_idx").using("btree", sql`lower(${t.name}) text_pattern_ops`),
    index("entities_country_idx").on(t.country_code),
    index("entities_type_sector_idx").on(t.entity_type, t.sector),
    index("entities_kyc_status_idx").on(t.kyc_status),
    index("entities_customer_idx").on(t.customer_id),
  ],
);
