import { defineDataset } from "../define.ts";
import { rngFor } from "../prng.ts";
import { resolveOptions, resolveScale } from "../scale.ts";
import { clamp, HOUR, isoTimestamp, round } from "../time.ts";
import { assetProfile } from "./asset-profile.ts";
import { assetId } from "./ids.ts";

const columns = [
  { name: "asset_id", type: "text", nullable: false },
  { name: "scored_at", type: "timestamp", nullable: false },
  { name: "health_score", type: "float", nullable: false },
  { name: "anomaly_score", type: "float", nullable: false },
  { name: "model_version", type: "text", nullable: false },
] as const;

/** Sensor-derived health and anomaly scores per asset over time; worn assets trend down and spike. */
export const assetScores = defineDataset({
  domain: "operations",
  name: "asset_scores",
  description:
    "Health (0-100) and anomaly (0-1) scores per asset at a fixed interval (every six hours over six days; weekly over a year at the large scale), from condition-monitoring models.",
  columns,
  primaryKey: ["asset_id", "scored_at"],
  dependsOn: ["assets"],
  defaultRows: (scale) => {
    const spec = resolveScale(scale);
    return spec.assets * spec.scoreReadings;
  },
  *rows(options) {
    const { seed, spec, epochMs } = resolveOptions(options);
    const readings = spec.scoreReadings;
    const interval = spec.scoreIntervalHours * HOUR;
    const lastMs = Math.floor(epochMs / interval) * interval;
    // The newer model scores the most recent ~58% of readings (14 of 24 at the default scale).
    const upgradedFrom = Math.round((readings * 10) / 24);
    for (let i = 0; i < spec.assets; i++) {
      const { wear } = assetProfile(seed, i, spec.sites, epochMs);
      const r = rngFor(seed, "asset_scores", i);
      // A fifth of worn assets are failing right now: health slides over the window.
      const failing = wear > 0.6 && r.chance(0.2);
      let health = clamp(100 * (1 - 0.6 * wear) + r.normal(0, 3), 5, 100);
      for (let k = 0; k < readings; k++) {
        if (failing) health -= r.float(0.5, 2.5);
        const reading = clamp(health + r.normal(0, 1.5), 0, 100);
        const spike = r.chance(failing ? 0.25 : 0.02);
        const anomaly = spike ? r.float(0.7, 0.99) : r.unitInterval(0.05 + 0.15 * wear, 0.6);
        yield {
          asset_id: assetId(i),
          scored_at: isoTimestamp(lastMs - (readings - 1 - k) * interval),
          health_score: round(reading, 2),
          anomaly_score: round(anomaly, 4),
          model_version: k < upgradedFrom ? "cm-health-1.8" : "cm-health-1.9",
        };
      }
    }
  },
});
