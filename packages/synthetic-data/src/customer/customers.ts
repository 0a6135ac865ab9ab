import { defineDataset } from "../define.ts";
import { resolveOptions, resolveScale } from "../scale.ts";
import { customerProfile } from "./customer-profile.ts";

const columns = [
  { name: "customer_id", type: "text", nullable: false },
  { name: "full_name", type: "text", nullable: false, pii: true },
  { name: "email", type: "text", nullable: false, pii: true },
  { name: "phone", type: "text", nullable: false, pii: true },
  { name: "street_address", type: "text", nullable: false, pii: true },
  { name: "city", type: "text", nullable: false },
  { name: "postal_code", type: "text", nullable: false, pii: true },
  { name: "country_code", type: "text", nullable: false },
  { name: "birth_date", type: "date", nullable: false, pii: true },
  { name: "segment", type: "text", nullable: false },
  { name: "region", type: "text", nullable: false },
  { name: "status", type: "text", nullable: false },
  { name: "lifetime_value", type: "float", nullable: false },
  { name: "churn_risk_score", type: "float", nullable: false },
  { name: "churn_risk_band", type: "text", nullable: false },
  { name: "consent_marketing", type: "bool", nullable: false },
  { name: "consent_analytics", type: "bool", nullable: false },
  { name: "consent_personalization", type: "bool", nullable: false },
  { name: "consent_profiling", type: "bool", nullable: false },
  { name: "created_at", type: "timestamp", nullable: false },
  { name: "updated_at", type: "timestamp", nullable: false },
  // The account manager who owns the customer; null for segments the contact centre serves.
  { name: "account_manager_email", type: "text", nullable: true },
] as const;

/** Customer 360 golden records: identity, segment, value, churn risk and consent per purpose. */
export const customers = defineDataset({
  domain: "customer",
  name: "customers",
  description:
    "Golden customer records with segment, lifetime value, churn risk, consent flags and the assigned account manager.",
  columns,
  primaryKey: ["customer_id"],
  defaultRows: (scale) => resolveScale(scale).customers,
  *rows(options) {
    const { seed, spec, epochMs } = resolveOptions(options);
    for (let i = 0; i < spec.customers; i++) yield customerProfile(seed, i, epochMs);
  },
});
