import type { Queryable } from "@appbase/db";
import { crosses, rulesFor, type ThresholdRule } from "./rules.ts";

/** An alert a rule raises on an asset's latest score. */
export interface ScoreAlert {
  /** One open alert per asset and rule. */
  dedupKey: string;
  rule: ThresholdRule;
  assetId: string;
  assetTag: string;
  assetType: string;
  siteId: string;
  criticality: string;
  value: number;
  scoredAt: Date;
  /** 1 (most urgent) .. 3, from the asset's criticality. */
  priority: number;
}

const PRIORITY_BY_CRITICALITY: Record<string, number> = { high: 1, medium: 2, low: 3 };

/** The alerts the threshold rules raise on every asset's latest score. */
export async function evaluateLatestScores(db: Queryable): Promise<ScoreAlert[]> {
  const { rows } = await db.query<{
    asset_id: string;
    tag: string;
    asset_type: string;
    site_id: string;
    criticality: string;
    scored_at: Date;
    health_score: number;
    anomaly_score: number;
  }>(
    `select a.asset_id, a.tag, a.asset_type, a.site_id, a.criticality, s.scored_at, s.health_score, s.anomaly_score
       from operations.assets a
       join lateral (select * from operations.asset_scores s where s.asset_id = a.asset_id
                      order by s.scored_at desc limit 1) s on true
      order by a.asset_id`,
  );
  return rows.flatMap((r) =>
    rulesFor(r.asset_type)
      .filter((rule) => crosses(rule, r[rule.metric]))
      .map((rule) => ({
        dedupKey: `${r.asset_id}:${rule.id}`,
        rule,
        assetId: r.asset_id,
        assetTag: r.tag,
        assetType: r.asset_type,
        siteId: r.site_id,
        criticality: r.criticality,
        value: r[rule.metric],
        scoredAt: r.scored_at,
        priority: PRIORITY_BY_CRITICALITY[r.criticality] ?? 3,
      })),
  );
}
