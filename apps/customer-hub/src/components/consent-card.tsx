import { StatusBadge } from "@appbase/ui/badges";
import type { ConsentChange } from "../domain/consent/consent-changes.ts";
import { CONSENT_PURPOSES, type Consents } from "../domain/customers/consent.ts";
import { ConsentRecorder } from "./consent-recorder.tsx";

const WHAT: Record<(typeof CONSENT_PURPOSES)[number], string> = {
  marketing: "contact offers, upsell propensity",
  analytics: "usage features (orders, tickets, NPS)",
  personalization: "tailored experiences",
  profiling: "churn-risk scoring",
};

/**
 * The purposes this customer consented to; features serving other purposes are withheld. A privacy
 * officer (consent.manage) records a decision here; it takes effect at once and is kept with its reason.
 */
export function ConsentCard(props: {
  customerId: string;
  consents: Consents;
  changes: readonly ConsentChange[];
  canManage: boolean;
}) {
  const { consents } = props;
  return (
    <section className="ch-card" aria-label="Consent">
      <h2>Consent</h2>
      <dl className="ch-facts">
        {CONSENT_PURPOSES.map((purpose) => (
          <div key={purpose} style={{ display: "contents" }}>
            <dt>{purpose}</dt>
            <dd data-consent={purpose}>
              <StatusBadge tone={consents[purpose] ? "success" : "neutral"}>
                {consents[purpose] ? "granted" : "not granted"}
              </StatusBadge>{" "}
              <span className="ab-muted">{WHAT[purpose]}</span>
            </dd>
          </div>
        ))}
      </dl>
      {props.changes.length > 0 ? (
        <ul className="ab-muted" aria-label="Recorded consent decisions">
          {props.changes.map((c) => (
            <li key={c.id}>
              {c.purpose} {c.granted ? "granted" : "withdrawn"} by {c.recordedBy} on{" "}
              {c.recordedAt.toISOString().slice(0, 16).replace("T", " ")}: {c.reason}
            </li>
          ))}
        </ul>
      ) : null}
      {props.canManage ? <ConsentRecorder customerId={props.customerId} consents={consents} /> : null}
    </section>
  );
}
