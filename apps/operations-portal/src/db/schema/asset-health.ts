import { sql } from "drizzle-orm";
import { doublePrecision, index, text, timestamp } from "drizzle-orm/pg-core";
import { operationsPortal } from "./operations-portal-schema.ts";

/**
 * Each asset's latest synced score, kept by domain/assets/asset-health.ts from `operations.asset_scores`
 * (a year of scores per asset), so the asset list sorts by health or anomaly along an index instead of
 * finding every asset's latest score first. Scores are null for an asset not scored yet.
 */
export const assetHealth = operationsPortal.table(
  "asset_health",
  {
    assetId: text("asset_id").primaryKey(),
    healthScore: doublePrecision("health_score"),
    anomalyScore: doublePrecision("anomaly_score"),
    scoredAt: timestamp("scored_at", { withTimezone: true }),
  },
  (t) => [
    // Keyset pages of the asset list, unscored assets last either way (domain/assets/assets.ts).
    index("asset_health_health_asc_idx").on(sql`coalesce(${t.healthScore}, 'Infinity'::float8)`, t.assetId),
    index("asset_health_health_desc_idx").on(sql`coalesce(${t.healthScore}, '-Infinity'::float8)`, t.assetId),
    index("asset_health_anomaly_asc_idx").on(sql`coalesce(${t.anomalyScore}, 'Infinity'::float8)`, t.assetId),
    index("asset_health_anomaly_desc_idx").on(
      sql`coalesce(${t.anomalyScore}, '-Infinity'::float8)`,
      t.assetId,
    ),
    // The newest score kept: how far behind the synced scores it is, in one probe.
    index("asset_health_scored_idx").on(t.scoredAt),
  ],
);
