import type { Shielded } from "@appbase/grants";
import { StatusBadge } from "@appbase/ui/badges";
import { MaskedValue } from "@appbase/ui/masked-value";
import type { ReactNode } from "react";
import type { CustomerDetail } from "../domain/customers/get-customer.ts";

const money = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  maximumFractionDigits: 0,
});

function Pii({ value }: { value: Shielded }) {
  return value.masked ? (
    <MaskedValue masked value={value.value} permission="customer.pii.read" />
  ) : (
    <MaskedValue masked={false} value={value.value} />
  );
}

/** Profile facts with PII already masked on the server for this viewer. */
export function ProfileCard({ customer, freshness }: { customer: CustomerDetail; freshness: ReactNode }) {
  return (
    <section className="ch-card" aria-label="Profile">
      <div className="ch-row" style={{ justifyContent: "space-between" }}>
        <h2>Profile</h2>
        {freshness}
      </div>
      <dl className="ch-facts">
        <dt>Email</dt>
        <dd data-field="email">
          <Pii value={customer.email} />
        </dd>
        <dt>Phone</dt>
        <dd data-field="phone">
          <Pii value={customer.phone} />
        </dd>
        <dt>Address</dt>
        <dd data-field="address">
          <Pii value={customer.address} />
        </dd>
        <dt>Birth date</dt>
        <dd data-field="birth_date">
          <Pii value={customer.birthDate} />
        </dd>
        <dt>Segment</dt>
        <dd>{customer.segment.replace("_", " ")}</dd>
        <dt>Region</dt>
        <dd>
          {customer.region.replace("_", " ")} · {customer.city}, {customer.countryCode}
        </dd>
        <dt>Lifetime value</dt>
        <dd>{money.format(customer.lifetimeValue)}</dd>
        <dt>Churn risk</dt>
        <dd>
          <StatusBadge
            tone={
              customer.churnRiskBand === "high"
                ? "danger"
                : customer.churnRiskBand === "medium"
                  ? "warning"
                  : "success"
            }
          >
            {customer.churnRiskBand}
          </StatusBadge>{" "}
          {customer.churnRiskScore === null ? (
            <span className="ab-muted">score withheld: no profiling consent</span>
          ) : (
            customer.churnRiskScore.toFixed(2)
          )}
        </dd>
        <dt>Account status</dt>
        <dd>{customer.status}</dd>
      </dl>
    </section>
  );
}
