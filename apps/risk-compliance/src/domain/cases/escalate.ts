import type { Queryable } from "@appbase/db";
import { type TransactionalDb as Database, inTransaction } from "@appbase/db";
import { FieldRuleError } from "@appbase/next-kit/errors";
import { alertQueue } from "../alerts/alert-queue.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { RiskLevel } from "./lifecycle.ts";
import { changeCase, getCase, type RiskCase } from "./risk-case.ts";

/** Links an entity to a case once (a repeat is a no-op); the entity must exist in the served entities. */
async function linkEntityTx(
  tx: Queryable,
  caseId: string,
  entityId: string,
  actor: string,
): Promise<boolean> {
  const known = await tx.query("select 1 from risk.entities where entity_id = $1", [entityId]);
  if (!known.rowCount) throw new FieldRuleError("entityId", `No entity ${entityId} is known; check the id.`);
  const { rowCount } = await tx.query(
    `insert into risk_compliance.case_entity (case_id, entity_id, linked_by) values ($1, $2, $3)
     on conflict do nothing`,
    [caseId, entityId, actor],
  );
  return (rowCount ?? 0) > 0;
}

/**
 * Escalates a claimed alert to a new case in one transaction: the case is opened (assigned to the
 * actor), the alert closes as `escalated` pointing at it, and the alert's entity is linked.
 */
export async function escalateAlert(db: Database, input: EscalateInput): Promise<RiskCase> {
  return inTransaction(db, (tx) => escalateAlertTx(tx, input));
}

export interface EscalateInput {
  alertId: string;
  alertVersion: number;
  actor: string;
  title?: string | undefined;
  riskLevel: RiskLevel;
}

/** `escalateAlert` inside a transaction the caller holds (e.g. an intake that files more with it). */
export async function escalateAlertTx(tx: Queryable, input: EscalateInput): Promise<RiskCase> {
  const source = await alertQueue.get(tx, input.alertId);
  const title = input.title?.trim() || `${source.ruleName} — ${source.entityId}`;
  const { rows } = await tx.query<{ id: string }>(
    `insert into risk_compliance.risk_case (title, risk_level, assignee, created_by, updated_by)
     values ($1, $2, $3, $3, $3) returning id`,
    [title, input.riskLevel, input.actor],
  );
  const caseId = (rows[0] as { id: string }).id;
  await alertQueue.close(tx, {
    id: input.alertId,
    actor: input.actor,
    expectedVersion: input.alertVersion,
    status: "escalated",
    values: { case_id: caseId },
  });
  await linkEntityTx(tx, caseId, source.entityId, input.actor);
  await recordAudit(tx, {
    caseId,
    actor: input.actor,
    entries: [
      { action: "opened", newValue: { title, riskLevel: input.riskLevel, assignee: input.actor } },
      {
        action: "alert-escalated",
        field: "alerts",
        newValue: { alertId: source.id, ruleId: source.ruleId },
      },
      { action: "entity-linked", field: "entities", newValue: source.entityId },
    ],
  });
  return getCase(tx, caseId);
}

/**
 * Merges alerts into an existing case: each closes as `merged` at the version the actor saw (the
 * actor must hold it, unless `override` for leads) and its entity is linked. All or nothing.
 */
export async function mergeAlerts(db: Database, input: MergeInput): Promise<RiskCase> {
  return inTransaction(db, (tx) => mergeAlertsTx(tx, input));
}

export interface MergeInput {
  caseId: string;
  caseVersion: number;
  alerts: { id: string; version: number }[];
  actor: string;
  override?: boolean;
}

/** `mergeAlerts` inside a transaction the caller holds. */
export async function mergeAlertsTx(tx: Queryable, input: MergeInput): Promise<RiskCase> {
  if (input.alerts.length === 0) throw new FieldRuleError("alerts", "Select at least one alert to merge.");
  const kase = await getCase(tx, input.caseId);
  if (kase.status === "closed")
    throw new FieldRuleError("caseId", "Reopen the case before merging alerts into it.");
  const extra = [];
  for (const a of input.alerts) {
    const merged = await alertQueue.close(tx, {
      id: a.id,
      actor: input.actor,
      expectedVersion: a.version,
      status: "merged",
      values: { case_id: input.caseId },
      override: input.override ?? false,
    });
    extra.push({
      action: "alert-merged",
      field: "alerts",
      newValue: { alertId: merged.id, ruleId: merged.ruleId },
    });
    if (await linkEntityTx(tx, input.caseId, merged.entityId, input.actor)) {
      extra.push({ action: "entity-linked", field: "entities", newValue: merged.entityId });
    }
  }
  return changeCase(tx, {
    caseId: input.caseId,
    expectedVersion: input.caseVersion,
    actor: input.actor,
    action: "merge",
    changes: {},
    extra,
  });
}

/** Links another entity to a case (versioned, audited). */
export async function linkEntity(
  db: Database,
  input: { caseId: string; expectedVersion: number; entityId: string; actor: string },
): Promise<RiskCase> {
  return inTransaction(db, async (tx) => {
    await getCase(tx, input.caseId);
    const added = await linkEntityTx(tx, input.caseId, input.entityId, input.actor);
    if (!added) throw new FieldRuleError("entityId", `${input.entityId} is already linked to this case.`);
    return changeCase(tx, {
      caseId: input.caseId,
      expectedVersion: input.expectedVersion,
      actor: input.actor,
      action: "link-entity",
      changes: {},
      extra: [{ action: "entity-linked", field: "entities", newValue: input.entityId }],
    });
  });
}
