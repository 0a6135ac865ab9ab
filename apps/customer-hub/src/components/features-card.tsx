import { FreshnessBadge } from "@appbase/ui/badges";
import { FEATURE_PURPOSE } from "../domain/customers/consent.ts";
import type { CustomerFeature } from "../domain/customers/get-customer.ts";
import { DEFAULT_FEATURE_TARGET, FEATURE_TARGETS } from "../domain/freshness/targets.ts";

const LABELS: Record<string, string> = {
  orders_90d: "Orders (90 days)",
  avg_order_value: "Average order value",
  days_since_last_order: "Days since last order",
  support_tickets_90d: "Support tickets (90 days)",
  nps: "Net promoter score",
  propensity_upsell: "Upsell propensity",
};

/** Feature values with their own freshness against each feature's target; withheld where consent is missing. */
export function FeaturesCard({ features }: { features: CustomerFeature[] }) {
  return (
    <section className="ch-card" aria-label="Features">
      <h2>Features</h2>
      {features.length === 0 ? (
        <p className="ab-muted">No feature values for this customer in the synced feature table.</p>
      ) : (
        <table className="ch-features">
          <thead>
            <tr>
              <th scope="col">Feature</th>
              <th scope="col">Value</th>
              <th scope="col">Freshness</th>
            </tr>
          </thead>
          <tbody>
            {features.map((f) => {
              const target = FEATURE_TARGETS[f.name] ?? DEFAULT_FEATURE_TARGET;
              return (
                <tr key={f.name} data-feature={f.name}>
                  <td>{LABELS[f.name] ?? f.name}</td>
                  <td>
                    {f.withheld ? (
                      <span
                        className="ab-muted"
                        title={`Needs ${FEATURE_PURPOSE[f.name] ?? "analytics"} consent`}
                      >
                        withheld (no {FEATURE_PURPOSE[f.name] ?? "analytics"} consent)
                      </span>
                    ) : f.value === null ? (
                      <span className="ab-muted">—</span>
                    ) : (
                      Number(f.value.toFixed(2)).toLocaleString("en-US")
                    )}
                  </td>
                  <td>
                    <FreshnessBadge
                      at={f.computedAt}
                      freshness={f.freshness}
                      target={target.target}
                      limit={target.limit}
                      verb="computed"
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
