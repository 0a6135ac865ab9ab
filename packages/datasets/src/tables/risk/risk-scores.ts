import { doublePrecision, index, jsonb, primaryKey, text } from "drizzle-orm/pg-core";
import { instant } from "../columns.ts";
import { riskSchema } from "../schemas.ts";

/** Risk scores over time per entity and model version (the primary key serves per-entity history). */
export const riskScores = riskSchema.table(
  "risk_scores",
  {
    entity_id: text("entity_id").notNull(),
    model_version: text("model_version").notNull(),
    scored_at: instant("scored_at").notNull(),
    score: doublePrecision("score").notNull(),
    band: text("band").notNull(),
    top_factors: jsonb("top_factors").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.entity_id, t.model_version, t.scored_at] }),
    index("risk_scores_model_scored_band_idx").on(t.model_version, t.scored_at, t.band),
  ],
);
