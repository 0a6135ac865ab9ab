/** Purposes a customer can consent to, as the synced `consent_*` columns record them. */
export const CONSENT_PURPOSES = ["marketing", "analytics", "personalization", "profiling"] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];
export type Consents = Record<ConsentPurpose, boolean>;

/**
 * The purpose each feature serves. A feature is shown only when the customer consented to that purpose:
 * scoring someone's churn risk is profiling, an upsell propensity is marketing, usage counts are analytics.
 */
export const FEATURE_PURPOSE: Record<string, ConsentPurpose> = {
  orders_90d: "analytics",
  avg_order_value: "analytics",
  days_since_last_order: "analytics",
  support_tickets_90d: "analytics",
  nps: "analytics",
  propensity_upsell: "marketing",
  churn_risk_score: "profiling",
};

/** Whether a value serving `purpose` may be shown for this customer; unknown features need analytics consent. */
export function consentAllows(consents: Consents, feature: string): boolean {
  return consents[FEATURE_PURPOSE[feature] ?? "analytics"];
}
