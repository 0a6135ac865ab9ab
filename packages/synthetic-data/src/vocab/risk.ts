import type { Weighted } from "../prng.ts";

/** Jurisdictions with a base risk weight (0..1) in the spirit of FATF grey-list style assessments. */
export const jurisdictions: ReadonlyArray<{ code: string; weight: number; baseRisk: number }> = [
  { code: "US", weight: 18, baseRisk: 0.15 },
  { code: "GB", weight: 14, baseRisk: 0.15 },
  { code: "DE", weight: 10, baseRisk: 0.12 },
  { code: "FR", weight: 7, baseRisk: 0.12 },
  { code: "NL", weight: 5, baseRisk: 0.14 },
  { code: "SG", weight: 5, baseRisk: 0.2 },
  { code: "CH", weight: 4, baseRisk: 0.25 },
  { code: "AE", weight: 5, baseRisk: 0.4 },
  { code: "CY", weight: 3, baseRisk: 0.45 },
  { code: "MT", weight: 2, baseRisk: 0.45 },
  { code: "PA", weight: 2, baseRisk: 0.6 },
  { code: "KY", weight: 2, baseRisk: 0.55 },
  { code: "VG", weight: 2, baseRisk: 0.6 },
  { code: "HK", weight: 4, baseRisk: 0.3 },
  { code: "BR", weight: 4, baseRisk: 0.3 },
  { code: "NG", weight: 3, baseRisk: 0.5 },
  { code: "IN", weight: 5, baseRisk: 0.25 },
  { code: "ZA", weight: 3, baseRisk: 0.35 },
];

export const sectors: ReadonlyArray<{ name: string; weight: number; baseRisk: number }> = [
  { name: "retail", weight: 16, baseRisk: 0.1 },
  { name: "manufacturing", weight: 14, baseRisk: 0.1 },
  { name: "technology", weight: 12, baseRisk: 0.1 },
  { name: "logistics", weight: 9, baseRisk: 0.2 },
  { name: "real_estate", weight: 8, baseRisk: 0.4 },
  { name: "construction", weight: 7, baseRisk: 0.3 },
  { name: "hospitality", weight: 6, baseRisk: 0.3 },
  { name: "money_services", weight: 4, baseRisk: 0.55 },
  { name: "crypto_assets", weight: 4, baseRisk: 0.65 },
  { name: "precious_metals", weight: 3, baseRisk: 0.6 },
  { name: "gaming", weight: 3, baseRisk: 0.55 },
  { name: "charity", weight: 3, baseRisk: 0.45 },
  { name: "energy", weight: 5, baseRisk: 0.25 },
  { name: "healthcare", weight: 6, baseRisk: 0.1 },
];

export const companyWords = {
  first: [
    "Blue",
    "North",
    "Silver",
    "Harbor",
    "Summit",
    "Atlas",
    "Golden",
    "Crescent",
    "Pioneer",
    "Meridian",
    "Evergreen",
    "Granite",
    "Orion",
    "Falcon",
    "Coastal",
    "Sterling",
  ],
  second: [
    "Logistics",
    "Holdings",
    "Trading",
    "Capital",
    "Ventures",
    "Industries",
    "Partners",
    "Resources",
    "Systems",
    "Foods",
    "Estates",
    "Exchange",
    "Metals",
    "Gaming",
    "Energy",
    "Health",
  ],
  suffix: ["Ltd", "LLC", "GmbH", "S.A.", "B.V.", "Pte Ltd", "Inc", "SARL", "AG", "Ltda"],
} as const;

export interface RuleSpec {
  rule_id: string;
  rule_name: string;
  severity: Weighted<"low" | "medium" | "high" | "critical">;
}

/** Monitoring rules that raise alerts, each with its own severity mix. */
export const rules: readonly RuleSpec[] = [
  {
    rule_id: "TM-001",
    rule_name: "Structuring below the reporting threshold",
    severity: [
      ["medium", 50],
      ["high", 40],
      ["critical", 10],
    ],
  },
  {
    rule_id: "TM-002",
    rule_name: "Rapid movement of funds (in and out within 48 h)",
    severity: [
      ["medium", 55],
      ["high", 35],
      ["critical", 10],
    ],
  },
  {
    rule_id: "TM-003",
    rule_name: "Wire to or from a high-risk jurisdiction",
    severity: [
      ["low", 30],
      ["medium", 50],
      ["high", 20],
    ],
  },
  {
    rule_id: "TM-007",
    rule_name: "Dormant account reactivated with large inflow",
    severity: [
      ["low", 40],
      ["medium", 45],
      ["high", 15],
    ],
  },
  {
    rule_id: "SC-001",
    rule_name: "Potential sanctions list name match",
    severity: [
      ["high", 60],
      ["critical", 40],
    ],
  },
  {
    rule_id: "PEP-002",
    rule_name: "Politically exposed person relationship detected",
    severity: [
      ["medium", 60],
      ["high", 40],
    ],
  },
  {
    rule_id: "KYC-004",
    rule_name: "KYC documents expired",
    severity: [
      ["low", 70],
      ["medium", 30],
    ],
  },
  {
    rule_id: "FR-002",
    rule_name: "Card-testing pattern on merchant account",
    severity: [
      ["medium", 50],
      ["high", 50],
    ],
  },
];

export const analysts = [
  "a.okafor",
  "j.lindqvist",
  "m.rossi",
  "s.tanaka",
  "p.mehta",
  "l.dubois",
  "k.mensah",
  "r.silva",
] as const;
