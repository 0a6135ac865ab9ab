import { doublePrecision, index, primaryKey, text } from "drizzle-orm/pg-core";
import { instant } from "../columns.ts";
import { operationsSchema } from "../schemas.ts";

/** Health and anomaly scores per asset over time (the primary key serves per-asset history). */
export const assetScores = operationsSchema.table(
  "asset_scores",
  {
    asset_id: text("asset_id").notNull(),
    scored_at: instant("scored_at").notNull(),
    health_score: doublePrecision("health_score").notNull(),
    anomaly_score: doublePrecision("anomaly_score").notNull(),
    model_version: text("model_version").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.asset_id, t.scored_at] }),
    index("asset_scores_scored_idx").on(t.scored_at),
  ],
);
