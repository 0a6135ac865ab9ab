import type { Queryable } from "@appbase/db";

/** A customer row for tests; fields default to a consenting mass-market customer. */
export interface TestCustomer {
  customer_id: string;
  full_name?: string;
  email?: string;
  segment?: string;
  region?: string;
  status?: string;
  churn_risk_band?: string;
  churn_risk_score?: number;
  lifetime_value?: number;
  consent_marketing?: boolean;
  consent_analytics?: boolean;
  consent_personalization?: boolean;
  consent_profiling?: boolean;
  /** The assigned account manager; none by default. */
  account_manager_email?: string | null;
}

/** Inserts customers into the synced table fixture (tests only: the app never writes synced tables). */
export async function insertTestCustomers(db: Queryable, customers: TestCustomer[]): Promise<void> {
  for (const c of customers) {
    const n = c.customer_id.replace(/\D/g, "");
    await db.query(
      `insert into customer.customers values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,now() - interval '400 days', now(), $20)`,
      [
        c.customer_id,
        c.full_name ?? `Test Person ${n}`,
        c.email ?? `test.person${n}@example.com`,
        `+44 20 7946 0${n.padStart(3, "0").slice(-3)}`,
        `${n} Test Street`,
        "London",
        "EC1A 1BB",
        "GB",
        "1980-04-12",
        c.segment ?? "mass_market",
        c.region ?? "EMEA",
        c.status ?? "active",
        c.lifetime_value ?? 500,
        c.churn_risk_score ?? 0.2,
        c.churn_risk_band ?? "low",
        c.consent_marketing ?? true,
        c.consent_analytics ?? true,
        c.consent_personalization ?? true,
        c.consent_profiling ?? true,
        c.account_manager_email ?? null,
      ],
    );
  }
}
