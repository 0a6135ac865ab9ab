import { customerFeatures, interactions as customerInteractions, customers } from "@appbase/datasets/tables";
import { type Queryable, rowOf } from "@appbase/db";
import { classifyFreshness, type Freshness } from "@appbase/db/synced-status";
import { type ResolvedColumnRule, type Shielded, shield } from "@appbase/grants";
import { type ConsentChange, consentsInForce, listConsentChanges } from "../consent/consent-changes.ts";
import { DEFAULT_FEATURE_TARGET, FEATURE_TARGETS } from "../freshness/targets.ts";
import { type Viewer, visibleCustomers } from "./access.ts";
import { type Consents, consentAllows } from "./consent.ts";

/** A customer's profile, masked for the viewer, with consent-filtered features. */
export interface CustomerDetail {
  customerId: string;
  fullName: Shielded;
  email: Shielded;
  phone: Shielded;
  address: Shielded;
  birthDate: Shielded;
  city: string;
  countryCode: string;
  segment: string;
  region: string;
  status: string;
  lifetimeValue: number;
  churnRiskBand: string;
  /** Null when the customer did not consent to profiling. */
  churnRiskScore: number | null;
  /** The consents in force: synced flags overridden by recorded decisions. */
  consents: Consents;
  /** Recorded consent decisions, newest first. */
  consentChanges: ConsentChange[];
  updatedAt: Date;
  features: CustomerFeature[];
  interactions: CustomerInteraction[];
}

export interface CustomerFeature {
  name: string;
  /** Null when withheld for lack of consent, or when the pipeline produced no value. */
  value: number | null;
  withheld: boolean;
  computedAt: Date;
  freshness: Freshness;
}

export interface CustomerInteraction {
  id: string;
  channel: string;
  kind: string;
  occurredAt: Date;
  summary: string;
  sentiment: number | null;
}

/**
 * Reads one customer with features and recent interactions; undefined when the synced row is absent or
 * is not one the viewer may see (the `assigned-customers` row rule).
 */
export async function getCustomer(
  db: Queryable,
  viewer: Viewer,
  customerId: string,
  rules: Record<string, ResolvedColumnRule>,
  now = new Date(),
): Promise<CustomerDetail | undefined> {
  const scope = visibleCustomers(viewer, { firstParam: 2 });
  const [customer, features, interactions, consentChanges] = await Promise.all([
    db.query(`select * from customer.customers where customer_id = $1 and ${scope.sql}`, [
      customerId,
      ...scope.params,
    ]),
    db.query("select * from customer.customer_features where customer_id = $1 order by feature_name", [
      customerId,
    ]),
    db.query(
      "select * from customer.interactions where customer_id = $1 order by occurred_at desc limit 20",
      [customerId],
    ),
    listConsentChanges(db, customerId),
  ]);
  if (!customer.rows[0]) return undefined;
  const row = rowOf(customers, customer.rows[0]);
  const synced: Consents = {
    marketing: row.consent_marketing,
    analytics: row.consent_analytics,
    personalization: row.consent_personalization,
    profiling: row.consent_profiling,
  };
  // A privacy officer's recorded decision takes effect here before the pipeline syncs it upstream.
  const consents = consentsInForce(synced, consentChanges);
  return {
    customerId: row.customer_id,
    fullName: shield(row.full_name, rules.full_name),
    email: shield(row.email, rules.email),
    phone: shield(row.phone, rules.phone),
    address: shield(`${row.street_address}, ${row.city} ${row.postal_code}`, rules.street_address),
    birthDate: shield(row.birth_date, rules.birth_date),
    city: row.city,
    countryCode: row.country_code,
    segment: row.segment,
    region: row.region,
    status: row.status,
    lifetimeValue: Number(row.lifetime_value),
    churnRiskBand: row.churn_risk_band,
    churnRiskScore: consents.profiling ? Number(row.churn_risk_score) : null,
    consents,
    consentChanges,
    updatedAt: new Date(row.updated_at),
    features: features.rows.map((raw) => {
      const f = rowOf(customerFeatures, raw);
      const computedAt = new Date(f.computed_at);
      const withheld = !consentAllows(consents, f.feature_name);
      const target = FEATURE_TARGETS[f.feature_name] ?? DEFAULT_FEATURE_TARGET;
      return {
        name: f.feature_name,
        value: withheld || f.value === null ? null : Number(f.value),
        withheld,
        computedAt,
        freshness: classifyFreshness(computedAt, now, target),
      };
    }),
    interactions: interactions.rows.map((raw) => {
      const i = rowOf(customerInteractions, raw);
      return {
        id: i.interaction_id,
        channel: i.channel,
        kind: i.kind,
        occurredAt: new Date(i.occurred_at),
        summary: i.summary,
        sentiment: i.sentiment,
      };
    }),
  };
}
