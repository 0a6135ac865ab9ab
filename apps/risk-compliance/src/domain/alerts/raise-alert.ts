import type { Queryable } from "@appbase/db";
import { type Alert, alertQueue, SEVERITIES, type Severity, SLA_HOURS } from "./alert-queue.ts";

export interface Signal {
  entityId: string;
  ruleId: string;
  ruleName: string;
  severity: Severity;
  score: number;
  /** When the rule fired; the dedup key is (rule, entity, UTC day), so a repeat the same day joins the open alert. */
  firedAt: Date;
  sourceAlertId?: string;
}

/** The dedup key of a signal: one open alert per rule, entity and day. */
export function dedupKeyOf(signal: Pick<Signal, "ruleId" | "entityId" | "firedAt">): string {
  return `${signal.ruleId}:${signal.entityId}:${signal.firedAt.toISOString().slice(0, 10)}`;
}

/** Raises an alert for a rule hit, or adds the hit to the open alert with the same key. */
export async function raiseAlert(db: Queryable, signal: Signal): Promise<{ alert: Alert; created: boolean }> {
  const { item, created } = await alertQueue.enqueue(db, {
    dedupKey: dedupKeyOf(signal),
    slaSeconds: SLA_HOURS[signal.severity] * 3600,
    values: {
      entity_id: signal.entityId,
      rule_id: signal.ruleId,
      rule_name: signal.ruleName,
      severity: signal.severity,
      priority: SEVERITIES.indexOf(signal.severity) + 1,
      score: signal.score,
      source_alert_id: signal.sourceAlertId ?? null,
    },
  });
  return { alert: item, created };
}
