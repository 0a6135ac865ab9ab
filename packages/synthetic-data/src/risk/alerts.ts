import { defineDataset } from "../define.ts";
import { Prng, rngFor, streamKey, type Weighted } from "../prng.ts";
import { resolveOptions, resolveScale, type ScaleSpec } from "../scale.ts";
import { clamp, DAY, HOUR, isoDate, isoTimestamp, padId, round } from "../time.ts";
import { analysts, rules } from "../vocab/risk.ts";
import { entityProfile } from "./entity-profile.ts";
import { entityId } from "./ids.ts";

/**
 * Alerts per entity depend only on the entity index and the number of passes, so the row count is
 * seed-independent; the first pass is the same at every scale.
 */
function alertCount(index: number, waves: number): number {
  let count = 0;
  for (let wave = 0; wave < waves; wave++) {
    count += new Prng(streamKey(wave, "alert_count", index)).weighted([
      [0, 68],
      [1, 19],
      [2, 8],
      [3, 4],
      [5, 1],
    ]);
  }
  return count;
}

const totals = new Map<string, number>();

/** Total alerts at a scale (memoized: counting walks every entity). */
export function totalAlerts(spec: Pick<ScaleSpec, "entities" | "alertWaves">): number {
  const key = `${spec.entities}:${spec.alertWaves}`;
  let total = totals.get(key);
  if (total === undefined) {
    total = 0;
    for (let i = 0; i < spec.entities; i++) total += alertCount(i, spec.alertWaves);
    totals.set(key, total);
  }
  return total;
}

type AlertStatus = "new" | "triaging" | "dismissed" | "merged" | "escalated";

/** Older alerts have mostly been worked; the last week's are mostly still in the queue. */
function statusForAge(r: Prng, ageDays: number): AlertStatus {
  const open: Weighted<AlertStatus> = [
    ["new", 60],
    ["triaging", 25],
    ["dismissed", 10],
    ["escalated", 5],
  ];
  const worked: Weighted<AlertStatus> = [
    ["dismissed", 62],
    ["merged", 12],
    ["escalated", 18],
    ["triaging", 5],
    ["new", 3],
  ];
  return r.weighted(ageDays < 7 ? open : worked);
}

const columns = [
  { name: "alert_id", type: "text", nullable: false },
  { name: "entity_id", type: "text", nullable: false },
  { name: "rule_id", type: "text", nullable: false },
  { name: "rule_name", type: "text", nullable: false },
  { name: "severity", type: "text", nullable: false },
  { name: "status", type: "text", nullable: false },
  { name: "resolution", type: "text", nullable: true },
  { name: "case_id", type: "text", nullable: true },
  { name: "assignee", type: "text", nullable: true },
  { name: "dedupe_key", type: "text", nullable: false },
  { name: "score", type: "float", nullable: false },
  { name: "duplicate_count", type: "int", nullable: false },
  { name: "opened_at", type: "timestamp", nullable: false },
  { name: "last_seen_at", type: "timestamp", nullable: false },
] as const;

/** Monitoring alerts per entity, with status per the alert state machine (new → triaging → dismissed|merged|escalated). */
export const alerts = defineDataset({
  domain: "risk",
  name: "alerts",
  description: "Rule-raised alerts with severity, dedupe key and status per the alert/case state machine.",
  columns,
  primaryKey: ["alert_id"],
  dependsOn: ["entities"],
  defaultRows: (scale) => totalAlerts(resolveScale(scale)),
  *rows(options) {
    const { seed, spec, epochMs } = resolveOptions(options);
    let next = 1;
    for (let i = 0; i < spec.entities; i++) {
      const count = alertCount(i, spec.alertWaves);
      if (count === 0) continue;
      const { baseRisk } = entityProfile(seed, i, epochMs);
      const r = rngFor(seed, "alerts", i);
      for (let k = 0; k < count; k++) {
        const rule = r.pick(rules);
        const ageDays = r.exponential(20);
        const openedMs = epochMs - Math.floor(ageDays * DAY);
        const status = statusForAge(r, ageDays);
        const duplicates = r.chance(0.2) ? r.int(1, 6) : 0;
        const lastSeenMs = duplicates > 0 ? Math.min(epochMs, openedMs + r.int(1, 96) * HOUR) : openedMs;
        const inCase = status === "merged" || status === "escalated";
        yield {
          alert_id: padId("A", next++, 7),
          entity_id: entityId(i),
          rule_id: rule.rule_id,
          rule_name: rule.rule_name,
          severity: r.weighted(rule.severity),
          status,
          resolution:
            status === "dismissed"
              ? r.weighted([
                  ["false_positive", 70],
                  ["benign", 20],
                  ["duplicate", 6],
                  ["not_applicable", 4],
                ])
              : null,
          case_id: inCase ? padId("CASE-", r.int(1, Math.max(1, Math.round(spec.entities / 20))), 6) : null,
          assignee: status === "new" ? null : r.pick(analysts),
          dedupe_key: `${rule.rule_id}:${entityId(i)}:${isoDate(openedMs)}`,
          score: round(clamp(100 * baseRisk + r.normal(10, 12), 1, 100), 2),
          duplicate_count: duplicates,
          opened_at: isoTimestamp(openedMs),
          last_seen_at: isoTimestamp(lastSeenMs),
        };
      }
    }
  },
});
