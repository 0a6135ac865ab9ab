import { defineDataset } from "../define.ts";
import { rngFor } from "../prng.ts";
import { resolveOptions, resolveScale } from "../scale.ts";
import { clamp, DAY, isoTimestamp, round } from "../time.ts";
import { entityProfile } from "./entity-profile.ts";
import { entityId } from "./ids.ts";

/** Monthly scoring runs, oldest first; the new model runs in shadow for the last two months. */
const runs = [
  { monthsAgo: 6, model: "aml-risk-v2.3" },
  { monthsAgo: 5, model: "aml-risk-v2.3" },
  { monthsAgo: 4, model: "aml-risk-v2.3" },
  { monthsAgo: 3, model: "aml-risk-v2.3" },
  { monthsAgo: 2, model: "aml-risk-v2.3" },
  { monthsAgo: 2, model: "aml-risk-v3.0" },
  { monthsAgo: 1, model: "aml-risk-v2.3" },
  { monthsAgo: 1, model: "aml-risk-v3.0" },
] as const;

const factorNames = [
  "high_risk_jurisdiction",
  "cash_intensive_sector",
  "pep_relationship",
  "rapid_fund_movement",
  "adverse_media",
  "complex_ownership",
  "kyc_expired",
  "unusual_volume",
] as const;

/** Score band as used by the alert queue's filters. */
export function riskBand(score: number): "low" | "medium" | "high" | "critical" {
  return score >= 85 ? "critical" : score >= 65 ? "high" : score >= 35 ? "medium" : "low";
}

const columns = [
  { name: "entity_id", type: "text", nullable: false },
  { name: "model_version", type: "text", nullable: false },
  { name: "scored_at", type: "timestamp", nullable: false },
  { name: "score", type: "float", nullable: false },
  { name: "band", type: "text", nullable: false },
  { name: "top_factors", type: "json", nullable: false },
] as const;

/** Risk scores over time per entity and model version (a random walk around the entity's base risk). */
export const riskScores = defineDataset({
  domain: "risk",
  name: "risk_scores",
  description: "Monthly risk scores per entity and model version, with the top contributing factors.",
  columns,
  primaryKey: ["entity_id", "model_version", "scored_at"],
  dependsOn: ["entities"],
  defaultRows: (scale) => resolveScale(scale).entities * runs.length,
  *rows(options) {
    const { seed, spec, epochMs } = resolveOptions(options);
    for (let i = 0; i < spec.entities; i++) {
      const { baseRisk } = entityProfile(seed, i, epochMs);
      const r = rngFor(seed, "risk_scores", i);
      let drift = 0;
      for (const run of runs) {
        drift += run.model === "aml-risk-v2.3" ? r.normal(0, 4) : 0;
        // v3.0 separates risky from benign entities more sharply than v2.3.
        const centre = run.model === "aml-risk-v3.0" ? 100 * baseRisk ** 0.85 : 100 * baseRisk;
        const score = round(clamp(centre + drift + r.normal(0, 3), 0, 100), 2);
        yield {
          entity_id: entityId(i),
          model_version: run.model,
          scored_at: isoTimestamp(epochMs - run.monthsAgo * 30 * DAY + 2 * 3_600_000),
          score,
          band: riskBand(score),
          top_factors: r.sample(factorNames, r.int(1, 3)),
        };
      }
    }
  },
});
