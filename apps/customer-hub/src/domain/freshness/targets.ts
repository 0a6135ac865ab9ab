const HOUR = 3_600_000;

/** Freshness target and limit of one value: fresh up to `target`, stale up to `limit`, expired beyond. */
export interface FreshnessTarget {
  target: number;
  limit: number;
}

/**
 * Per-feature targets, from each feature pipeline's schedule (see @appbase/synthetic-data):
 * fresh within one run interval plus slack, expired after three missed runs.
 */
export const FEATURE_TARGETS: Record<string, FreshnessTarget> = {
  orders_90d: { target: 25 * HOUR, limit: 72 * HOUR },
  avg_order_value: { target: 25 * HOUR, limit: 72 * HOUR },
  days_since_last_order: { target: 2 * HOUR, limit: 6 * HOUR },
  support_tickets_90d: { target: 7 * HOUR, limit: 24 * HOUR },
  nps: { target: 8 * 24 * HOUR, limit: 21 * 24 * HOUR },
  propensity_upsell: { target: 25 * HOUR, limit: 72 * HOUR },
};

/** Target for features not listed above. */
export const DEFAULT_FEATURE_TARGET: FreshnessTarget = { target: 25 * HOUR, limit: 72 * HOUR };

/** The synced customer tables: behind after 1 h, past the limit (masked-safe fallback) after 24 h. */
export const SYNC_TARGET: FreshnessTarget = { target: 1 * HOUR, limit: 24 * HOUR };

/** Synced tables the kit reads, as `appbase_meta.synced_table_status.target_table` names them. */
export const SYNCED_TABLES = [
  "customer.customers",
  "customer.customer_features",
  "customer.interactions",
] as const;
