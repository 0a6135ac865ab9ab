import { rngFor, type Weighted } from "../prng.ts";
import { DAY, isoDate } from "../time.ts";
import { assetTypes } from "../vocab/industrial.ts";
import { assetId, siteIdForAsset } from "./ids.ts";

const typeWeights = assetTypes.map((t) => [t, t.weight] as const);
const criticality: Weighted<"high" | "medium" | "low"> = [
  ["high", 20],
  ["medium", 45],
  ["low", 35],
];

/** One asset, derived from (seed, index); `wear` (0..1) drives its health scores and work orders. */
export function assetProfile(seed: number, index: number, sites: number, epochMs: number) {
  const r = rngFor(seed, "asset", index);
  const type = r.weighted(typeWeights);
  const ageYears = Math.min(type.lifeYears * 1.4, r.exponential(type.lifeYears / 2.5));
  const wear = Math.min(1, (ageYears / type.lifeYears) * r.float(0.5, 1.3));
  const status = wear > 0.95 && r.chance(0.3) ? "down" : wear > 0.75 ? "degraded" : "operational";
  return {
    row: {
      asset_id: assetId(index),
      site_id: siteIdForAsset(index, sites),
      asset_type: type.type,
      tag: `${type.tag}-${String(r.int(1, 9999)).padStart(4, "0")}`,
      manufacturer: r.pick(type.manufacturers),
      model: `${type.tag}${r.int(100, 990)}-${r.pick(["A", "B", "C", "X"])}`,
      install_date: isoDate(epochMs - Math.floor(ageYears * 365.25 * DAY) - DAY),
      criticality: r.weighted(criticality),
      status,
    },
    wear,
  };
}
