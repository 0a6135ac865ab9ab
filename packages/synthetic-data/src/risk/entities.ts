import { defineDataset } from "../define.ts";
import { resolveOptions, resolveScale } from "../scale.ts";
import { entityProfile } from "./entity-profile.ts";

const columns = [
  { name: "entity_id", type: "text", nullable: false },
  { name: "entity_type", type: "text", nullable: false },
  { name: "name", type: "text", nullable: false, pii: true },
  { name: "country_code", type: "text", nullable: false },
  { name: "sector", type: "text", nullable: true },
  { name: "registration_number", type: "text", nullable: true },
  { name: "date_of_birth", type: "date", nullable: true, pii: true },
  { name: "is_pep", type: "bool", nullable: false },
  { name: "kyc_status", type: "text", nullable: false },
  { name: "onboarded_at", type: "timestamp", nullable: false },
  // The Customer 360 record (customer.customers) of a monitored person who banks with us.
  { name: "customer_id", type: "text", nullable: true },
] as const;

/** Counterparties under monitoring: companies and people with jurisdiction, sector and KYC state. */
export const entities = defineDataset({
  domain: "risk",
  name: "entities",
  description:
    "Monitored counterparties (companies and people) with jurisdiction, sector, PEP flag, KYC status and, for customers, their customer id.",
  columns,
  primaryKey: ["entity_id"],
  defaultRows: (scale) => resolveScale(scale).entities,
  *rows(options) {
    const { seed, spec, epochMs } = resolveOptions(options);
    for (let i = 0; i < spec.entities; i++) yield entityProfile(seed, i, epochMs).row;
  },
});
