import { sql } from "drizzle-orm";
import { boolean, doublePrecision, index, text } from "drizzle-orm/pg-core";
import { day, instant } from "../columns.ts";
import { customerSchema } from "../schemas.ts";

/** Served copy of the gold `customer.customers` table (synced; read-only to apps). */
export const customers = customerSchema.table(
  "customers",
  {
    customer_id: text("customer_id").primaryKey(),
    full_name: text("full_name").notNull(),
    email: text("email").notNull(),
    phone: text("phone").notNull(),
    street_address: text("street_address").notNull(),
    city: text("city").notNull(),
    postal_code: text("postal_code").notNull(),
    country_code: text("country_code").notNull(),
    birth_date: day("birth_date").notNull(),
    segment: text("segment").notNull(),
    region: text("region").notNull(),
    status: text("status").notNull(),
    lifetime_value: doublePrecision("lifetime_value").notNull(),
    churn_risk_score: doublePrecision("churn_risk_score").notNull(),
    churn_risk_band: text("churn_risk_band").notNull(),
    consent_marketing: boolean("consent_marketing").notNull(),
    consent_analytics: boolean("consent_analytics").notNull(),
    consent_personalization: boolean("consent_personalization").notNull(),
    consent_profiling: boolean("consent_profiling").notNull(),
    created_at: instant("created_at").notNull(),
    updated_at: instant("updated_at").notNull(),
    /** The assigned account manager; null for customers no account manager owns. */
    account_manager_email: text("account_manager_email"),
  },
  (t) => [
    // Prefix search (`lower(col) LIKE 'ann%'`) by name and email.
    index("customers_full_name_search_idx").using("btree", sql`lower(${t.full_name}) text_pattern_ops`),
    index("customers_email_search_idx").using("btree", sql`lower(${t.email}) text_pattern_ops`),
    index("customers_segment_idx").on(t.segment),
    index("customers_region_idx").on(t.region),
    index("customers_churn_risk_band_idx").on(t.churn_risk_band),
    index("customers_status_idx").on(t.status),
    index("customers_account_manager_idx").on(t.account_manager_email),
    // Keyset pages of the customer list: one (sort column, key) index per sortable column.
    index("customers_lifetime_value_key_idx").on(t.lifetime_value, t.customer_id),
    index("customers_full_name_key_idx").on(t.full_name, t.customer_id),
    index("customers_churn_risk_score_key_idx").on(t.churn_risk_score, t.customer_id),
    index("customers_updated_at_key_idx").on(t.updated_at, t.customer_id),
  ],
);
