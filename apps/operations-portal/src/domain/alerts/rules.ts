/** A threshold on one score of one asset class; crossing it raises an alert for the asset. */
export interface ThresholdRule {
  /** `<asset class>:<metric>`; with the asset id it is the alert's deduplication key. */
  id: string;
  assetType: string;
  metric: "health_score" | "anomaly_score";
  comparison: "below" | "above";
  threshold: number;
  description: string;
}

/** Fleet defaults: health (0-100) below this, anomaly (0-1) above this. */
const DEFAULTS = { healthBelow: 45, anomalyAbove: 0.9 };

/** Classes whose failures cost more (or whose sensors are noisier) get their own thresholds. */
const PER_CLASS: Record<string, Partial<typeof DEFAULTS>> = {
  transformer: { healthBelow: 55, anomalyAbove: 0.85 },
  boiler: { healthBelow: 55, anomalyAbove: 0.85 },
  compressor: { healthBelow: 50 },
  chiller: { healthBelow: 50 },
  conveyor: { healthBelow: 35, anomalyAbove: 0.95 },
  hvac_unit: { healthBelow: 40 },
};

/** The asset classes the served data knows (from the synthetic industrial vocabulary). */
export const ASSET_CLASSES = [
  "pump",
  "motor",
  "compressor",
  "conveyor",
  "hvac_unit",
  "transformer",
  "boiler",
  "chiller",
  "robot_arm",
  "cnc_machine",
] as const;

/** The threshold rules of every asset class. */
export const THRESHOLD_RULES: readonly ThresholdRule[] = ASSET_CLASSES.flatMap((assetType) => {
  const t = { ...DEFAULTS, ...PER_CLASS[assetType] };
  return [
    {
      id: `${assetType}:health`,
      assetType,
      metric: "health_score" as const,
      comparison: "below" as const,
      threshold: t.healthBelow,
      description: `Health below ${t.healthBelow}`,
    },
    {
      id: `${assetType}:anomaly`,
      assetType,
      metric: "anomaly_score" as const,
      comparison: "above" as const,
      threshold: t.anomalyAbove,
      description: `Anomaly above ${t.anomalyAbove}`,
    },
  ];
});

/** Whether a score crosses the rule. */
export function crosses(rule: ThresholdRule, value: number): boolean {
  return rule.comparison === "below" ? value < rule.threshold : value > rule.threshold;
}

/** The rules for one asset class. */
export function rulesFor(assetType: string): ThresholdRule[] {
  return THRESHOLD_RULES.filter((r) => r.assetType === assetType);
}
