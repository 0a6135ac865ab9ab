import { rngFor, type Weighted } from "../prng.ts";
import { clamp, DAY, isoDate, isoTimestamp, padId, round } from "../time.ts";
import { accountManagers, managedSegments } from "../vocab/account-managers.ts";
import { emailDomains, familyNames, givenNames } from "../vocab/people.ts";
import { countryWeights, fillPattern, streetKinds, streetNames } from "../vocab/places.ts";

export type Segment = "mass_market" | "value" | "premium" | "vip" | "small_business";

const segments: Weighted<Segment> = [
  ["mass_market", 48],
  ["value", 22],
  ["premium", 17],
  ["vip", 5],
  ["small_business", 8],
];

/** Median lifetime value per segment (log-normal location). */
const ltvMedian: Record<Segment, number> = {
  mass_market: 420,
  value: 180,
  premium: 2_400,
  vip: 14_000,
  small_business: 6_500,
};

/** Consent rates per purpose, roughly what opt-in programmes in the EU/US report. */
const consentRates = { marketing: 0.58, analytics: 0.81, personalization: 0.52, profiling: 0.24 };

/** Customer id for a zero-based index: `C0000001` is index 0. */
export function customerId(index: number): string {
  return padId("C", index + 1, 7);
}

/** Everything about one customer, derived from (seed, index) alone so child tables can recompute it. */
export function customerProfile(seed: number, index: number, epochMs: number) {
  const r = rngFor(seed, "customer", index);
  const given = r.pick(givenNames);
  const family = r.pick(familyNames);
  const country = r.weighted(countryWeights);
  const segment = r.weighted(segments);
  const createdMs = epochMs - Math.floor(r.float(20, 9 * 365) * DAY);

  // Churn risk: higher for value customers and for those who have not been seen lately.
  const baseRisk = segment === "value" ? 0.38 : segment === "vip" ? 0.12 : 0.22;
  const churnRisk = round(r.unitInterval(baseRisk, 1.1), 4);
  // Churned and dormant customers skew to high churn risk; a few accounts are suspended.
  const u = r.next();
  const pChurned = 0.01 + 0.18 * churnRisk;
  const pDormant = 0.04 + 0.2 * churnRisk;
  const status =
    u < pChurned
      ? "churned"
      : u < pChurned + pDormant
        ? "dormant"
        : u < pChurned + pDormant + 0.015
          ? "suspended"
          : "active";
  const churnBand = churnRisk >= 0.7 ? "high" : churnRisk >= 0.35 ? "medium" : "low";

  const analytics = r.chance(consentRates.analytics);
  const ageYears = clamp(r.normal(44, 15), 18, 95);
  const handle = `${given}.${family}`.toLowerCase().replace(/[^a-z.]/g, "");
  return {
    customer_id: customerId(index),
    full_name: `${given} ${family}`,
    email: `${handle}${index + 1}@${r.pick(emailDomains)}`,
    phone: `${country.phonePrefix}${String(r.int(0, 999)).padStart(3, "0")}`,
    street_address: `${r.int(1, 2400)} ${r.pick(streetNames)} ${r.pick(streetKinds)}`,
    city: r.pick(country.cities),
    postal_code: fillPattern(
      country.postalPattern,
      () => r.int(0, 9),
      () => r.int(0, 25),
    ),
    country_code: country.code,
    birth_date: isoDate(epochMs - Math.floor(ageYears * 365.25 * DAY)),
    segment,
    region: country.region,
    status,
    lifetime_value: round(r.logNormal(Math.log(ltvMedian[segment]), 0.9), 2),
    churn_risk_score: churnRisk,
    churn_risk_band: churnBand,
    consent_marketing: r.chance(consentRates.marketing),
    consent_analytics: analytics,
    consent_personalization: r.chance(analytics ? consentRates.personalization * 1.1 : 0.2),
    // Profiling is almost never granted without analytics consent.
    consent_profiling: r.chance(analytics ? consentRates.profiling * 1.2 : 0.03),
    created_at: isoTimestamp(createdMs),
    updated_at: isoTimestamp(Math.max(createdMs, epochMs - Math.floor(r.exponential(12) * DAY))),
    // Its own stream, so adding the assignment left every other value of the profile unchanged.
    account_manager_email: managedSegments.has(segment)
      ? rngFor(seed, "account-manager", index).pick(accountManagers)
      : null,
  };
}

export type CustomerProfile = ReturnType<typeof customerProfile>;
