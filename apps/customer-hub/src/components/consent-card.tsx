import { StatusBadge } from "@appbase/ui/badges";
import { CONSENT_PURPOSES, type Consents } from "../domain/customers/consent.ts";

const WHAT: Record<(typeof CONSENT_PURPOSES)[number], string> = {
  marketing: "contact offers, upsell propensity",
  analytics: "usage features (orders, tickets, NPS)",
  personalization: "tailored experiences",
  profiling: "churn-risk scoring",
};

/** The purposes this customer consented to; features serving other purposes are withheld. */
export function ConsentCard({ consents }: { consents: Consents }) {
  return (
    <section className="ch-card" aria-label="Consent">
      <h2>Consent</h2>
      <dl className="ch-facts">
        {CONSENT_PURPOSES.map((purpose) => (
          <div key={purpose} style={{ display: "contents" }}>
            <dt>{purpose}</dt>
            <dd>
              <StatusBadge tone={consents[purpose] ? "success" : "neutral"}>
                {consents[purpose] ? "granted" : "not granted"}
              </StatusBadge>{" "}
              <span className="ab-muted">{WHAT[purpose]}</span>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
