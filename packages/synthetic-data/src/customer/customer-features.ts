import { defineDataset } from "../define.ts";
import { rngFor } from "../prng.ts";
import { resolveOptions, resolveScale } from "../scale.ts";
import { clamp, HOUR, isoTimestamp, MINUTE, round } from "../time.ts";
import { customerId, customerProfile } from "./customer-profile.ts";

/**
 * Feature names in output order. Each is refreshed on its own schedule, so `computed_at`
 * differs per feature (hourly streaming features vs. nightly batch ones) and a few are stale,
 * which is what the hub's freshness cues show.
 */
export const customerFeatureNames = [
  "orders_90d",
  "avg_order_value",
  "days_since_last_order",
  "support_tickets_90d",
  "nps",
  "propensity_upsell",
] as const;

const refreshHours: Record<(typeof customerFeatureNames)[number], number> = {
  orders_90d: 24,
  avg_order_value: 24,
  days_since_last_order: 1,
  support_tickets_90d: 6,
  nps: 24 * 7,
  propensity_upsell: 24,
};

const columns = [
  { name: "customer_id", type: "text", nullable: false },
  { name: "feature_name", type: "text", nullable: false },
  { name: "value", type: "float", nullable: true },
  { name: "computed_at", type: "timestamp", nullable: false },
] as const;

/** Per-customer feature values, one row per (customer, feature), each with its own `computed_at`. */
export const customerFeatures = defineDataset({
  domain: "customer",
  name: "customer_features",
  description: "Feature-store values per customer; each feature carries its own computed_at for freshness.",
  columns,
  primaryKey: ["customer_id", "feature_name"],
  dependsOn: ["customers"],
  defaultRows: (scale) => resolveScale(scale).customers * customerFeatureNames.length,
  *rows(options) {
    const { seed, spec, epochMs } = resolveOptions(options);
    for (let i = 0; i < spec.customers; i++) {
      const profile = customerProfile(seed, i, epochMs);
      const r = rngFor(seed, "customer_features", i);
      const activity = profile.status === "churned" ? 0.05 : profile.status === "dormant" ? 0.3 : 1;
      const orders = r.poisson(
        (profile.segment === "vip" ? 9 : profile.segment === "value" ? 1.5 : 3.2) * activity,
      );
      const values: Record<(typeof customerFeatureNames)[number], number | null> = {
        orders_90d: orders,
        avg_order_value:
          orders === 0 ? null : round(r.logNormal(Math.log(profile.lifetime_value / 12 + 20), 0.5), 2),
        days_since_last_order: orders > 0 ? r.int(0, 89) : r.int(90, 720),
        support_tickets_90d: r.poisson(0.4 + profile.churn_risk_score * 2),
        // Most customers never answer the survey.
        nps: r.chance(0.42)
          ? Math.round(clamp(r.normal(8.2 - profile.churn_risk_score * 6, 1.8), 0, 10))
          : null,
        propensity_upsell: round(r.unitInterval(profile.segment === "premium" ? 0.35 : 0.15, 0.9), 4),
      };
      for (const feature of customerFeatureNames) {
        const cadence = refreshHours[feature] * HOUR;
        // About 3% of feature rows are stale: their pipeline missed several runs.
        const lag = r.chance(0.03) ? cadence * r.int(3, 10) : r.float(0, cadence);
        yield {
          customer_id: customerId(i),
          feature_name: feature,
          value: values[feature],
          computed_at: isoTimestamp(epochMs - Math.floor(lag / MINUTE) * MINUTE - 5 * MINUTE),
        };
      }
    }
  },
});
