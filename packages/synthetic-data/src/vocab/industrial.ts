import type { Weighted } from "../prng.ts";

/** Industrial sites: city, country, region and time zone. */
export const siteLocations = [
  { city: "Rotterdam", country: "NL", region: "emea", timezone: "Europe/Amsterdam" },
  { city: "Houston", country: "US", region: "north_america", timezone: "America/Chicago" },
  { city: "Monterrey", country: "MX", region: "latam", timezone: "America/Monterrey" },
  { city: "Ludwigshafen", country: "DE", region: "emea", timezone: "Europe/Berlin" },
  { city: "Pune", country: "IN", region: "apac", timezone: "Asia/Kolkata" },
  { city: "Osaka", country: "JP", region: "apac", timezone: "Asia/Tokyo" },
  { city: "Sao Paulo", country: "BR", region: "latam", timezone: "America/Sao_Paulo" },
  { city: "Gothenburg", country: "SE", region: "emea", timezone: "Europe/Stockholm" },
  { city: "Calgary", country: "CA", region: "north_america", timezone: "America/Edmonton" },
  { city: "Perth", country: "AU", region: "apac", timezone: "Australia/Perth" },
  { city: "Lyon", country: "FR", region: "emea", timezone: "Europe/Paris" },
  { city: "Pittsburgh", country: "US", region: "north_america", timezone: "America/New_York" },
] as const;

export const siteKinds: Weighted<string> = [
  ["plant", 45],
  ["warehouse", 20],
  ["distribution_center", 15],
  ["substation", 10],
  ["water_treatment", 10],
];

export interface AssetTypeSpec {
  type: string;
  tag: string;
  manufacturers: readonly string[];
  weight: number;
  /** Typical service life in years; older assets degrade faster. */
  lifeYears: number;
}

export const assetTypes: readonly AssetTypeSpec[] = [
  {
    type: "pump",
    tag: "PMP",
    manufacturers: ["Grundfos", "Flowserve", "KSB", "Sulzer"],
    weight: 22,
    lifeYears: 15,
  },
  { type: "motor", tag: "MTR", manufacturers: ["ABB", "Siemens", "WEG", "Nidec"], weight: 20, lifeYears: 20 },
  {
    type: "compressor",
    tag: "CMP",
    manufacturers: ["Atlas Copco", "Ingersoll Rand", "Kaeser"],
    weight: 12,
    lifeYears: 18,
  },
  {
    type: "conveyor",
    tag: "CNV",
    manufacturers: ["Interroll", "Dorner", "Hytrol"],
    weight: 12,
    lifeYears: 12,
  },
  { type: "hvac_unit", tag: "HVC", manufacturers: ["Carrier", "Trane", "Daikin"], weight: 10, lifeYears: 15 },
  {
    type: "transformer",
    tag: "TRF",
    manufacturers: ["Hitachi Energy", "Schneider Electric", "Eaton"],
    weight: 6,
    lifeYears: 30,
  },
  {
    type: "boiler",
    tag: "BLR",
    manufacturers: ["Babcock & Wilcox", "Cleaver-Brooks", "Viessmann"],
    weight: 5,
    lifeYears: 25,
  },
  { type: "chiller", tag: "CHL", manufacturers: ["York", "Trane", "Carrier"], weight: 5, lifeYears: 20 },
  { type: "robot_arm", tag: "RBT", manufacturers: ["FANUC", "KUKA", "ABB"], weight: 5, lifeYears: 12 },
  { type: "cnc_machine", tag: "CNC", manufacturers: ["DMG Mori", "Haas", "Mazak"], weight: 3, lifeYears: 15 },
];

export const workOrderTitles: Record<string, readonly string[]> = {
  corrective: [
    "Replace worn bearing",
    "Investigate high vibration",
    "Repair seal leak",
    "Reset tripped breaker",
    "Replace failed sensor",
    "Clear blockage",
  ],
  preventive: [
    "Quarterly lubrication",
    "Annual overhaul",
    "Filter replacement",
    "Belt tension check",
    "Thermographic survey",
  ],
  inspection: [
    "Safety inspection",
    "Insulation resistance test",
    "Visual inspection after alarm",
    "Alignment check",
  ],
  calibration: ["Calibrate pressure transmitter", "Calibrate flow meter", "Verify temperature probes"],
};

export const technicians = [
  "d.kowalski",
  "m.garcia",
  "t.nguyen",
  "a.schmidt",
  "r.patel",
  "h.sato",
  "j.oliveira",
  "c.brown",
] as const;
