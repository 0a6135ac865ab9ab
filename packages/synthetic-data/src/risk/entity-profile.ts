import { customerId, customerProfile } from "../customer/customer-profile.ts";
import { rngFor } from "../prng.ts";
import { clamp, DAY, isoDate, isoTimestamp, round } from "../time.ts";
import { familyNames, givenNames } from "../vocab/people.ts";
import { companyWords, jurisdictions, sectors } from "../vocab/risk.ts";
import { entityId } from "./ids.ts";

const jurisdictionWeights = jurisdictions.map((j) => [j, j.weight] as const);
const sectorWeights = sectors.map((s) => [s, s.weight] as const);

/** Share of monitored people who are also bank customers (the risk entity ↔ Customer 360 link). */
const CUSTOMER_SHARE = 0.8;

/**
 * The customer a monitored person is, when they are one: entity index i is customer index i (every
 * scale has at least as many customers as entities), decided on its own stream so the entity's other
 * draws do not move. The person then carries the customer's name and birth date, as one person would.
 */
function linkedCustomer(seed: number, index: number, epochMs: number) {
  if (!rngFor(seed, "entity-customer", index).chance(CUSTOMER_SHARE)) return null;
  const customer = customerProfile(seed, index, epochMs);
  return { id: customerId(index), name: customer.full_name, birthDate: customer.birth_date };
}

/** One counterparty (company or person), derived from (seed, index) alone. */
export function entityProfile(seed: number, index: number, epochMs: number) {
  const r = rngFor(seed, "entity", index);
  const isCompany = r.chance(0.72);
  const jurisdiction = r.weighted(jurisdictionWeights);
  const sector = isCompany ? r.weighted(sectorWeights) : null;
  const isPep = !isCompany && r.chance(0.04);
  // A minority carry adverse signals (media, ownership, behaviour) that jurisdiction and sector miss.
  const adverse = r.chance(0.12) ? r.float(0.25, 0.6) : 0;
  const baseRisk = clamp(
    0.5 * jurisdiction.baseRisk +
      0.4 * (sector?.baseRisk ?? 0.2) +
      (isPep ? 0.3 : 0) +
      adverse +
      r.normal(0, 0.08),
    0.01,
    0.99,
  );
  const onboardedMs = epochMs - Math.floor(r.float(30, 8 * 365) * DAY);
  // KYC is refreshed every two years; a tenth of files are overdue.
  const kycAgeDays = r.float(0, 810);
  const name = isCompany
    ? `${r.pick(companyWords.first)} ${r.pick(companyWords.second)} ${r.pick(companyWords.suffix)}`
    : `${r.pick(givenNames)} ${r.pick(familyNames)}`;
  const customer = isCompany ? null : linkedCustomer(seed, index, epochMs);
  return {
    row: {
      entity_id: entityId(index),
      entity_type: isCompany ? "company" : "person",
      name: customer?.name ?? name,
      country_code: jurisdiction.code,
      sector: sector?.name ?? null,
      registration_number: isCompany ? `${jurisdiction.code}${r.int(10_000_000, 99_999_999)}` : null,
      date_of_birth: isCompany
        ? null
        : (customer?.birthDate ?? isoDate(epochMs - Math.floor(r.float(21, 85) * 365.25 * DAY))),
      is_pep: isPep,
      kyc_status: kycAgeDays > 730 ? "expired" : kycAgeDays > 600 ? "refresh_due" : "verified",
      onboarded_at: isoTimestamp(onboardedMs),
      customer_id: customer?.id ?? null,
    },
    baseRisk: round(baseRisk, 4),
  };
}
