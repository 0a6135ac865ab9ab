import type { Queryable } from "@appbase/db";
import { type TransactionalDb as Database, inTransaction, rowOf } from "@appbase/db";
import { ConflictError, FieldRuleError } from "@appbase/next-kit/errors";
import { alert } from "../../db/schema/alert.ts";
import { type TriageFilingRow, triageFiling } from "../../db/schema/triage-filing.ts";
import { type Alert, alertQueue } from "../alerts/alert-queue.ts";
import { escalateAlertTx, mergeAlertsTx } from "../cases/escalate.ts";
import { caseLabel } from "../cases/risk-case.ts";

export const TRIAGE_ACTIONS = ["escalate", "monitor", "dismiss"] as const;
export type TriageAction = (typeof TRIAGE_ACTIONS)[number];

/** One triage outcome as another kit's agent files it (after a human approved it there). */
export interface TriageFilingInput {
  idempotencyKey: string;
  sourceKit: string;
  threadId: string;
  entityId: string;
  action: TriageAction;
  /** Served alert ids (`risk.alerts.alert_id`) the outcome covers. */
  alertIds: string[];
  reason: string;
}

/** What the filing did; a retried call with the same key gets the same answer, `replayed`. */
export interface TriageFilingOutcome {
  idempotencyKey: string;
  entityId: string;
  action: TriageAction;
  alertIds: string[];
  caseId: string | null;
  caseLabel: string | null;
  replayed: boolean;
}

async function outcomeOf(
  tx: Queryable,
  row: TriageFilingRow,
  replayed: boolean,
): Promise<TriageFilingOutcome> {
  const { rows } = row.caseId
    ? await tx.query<{ number: number }>("select number from risk_compliance.risk_case where id = $1", [
        row.caseId,
      ])
    : { rows: [] };
  return {
    idempotencyKey: row.idempotencyKey,
    entityId: row.entityId,
    action: row.action as TriageAction,
    alertIds: row.alertIds,
    caseId: row.caseId,
    caseLabel: rows[0] ? caseLabel(rows[0]) : null,
    replayed,
  };
}

function sameFiling(row: TriageFilingRow, input: TriageFilingInput, alertIds: string[]): boolean {
  return (
    row.sourceKit === input.sourceKit &&
    row.sourceThreadId === input.threadId &&
    row.entityId === input.entityId &&
    row.action === input.action &&
    row.alertIds.join(",") === alertIds.join(",")
  );
}

/**
 * The Risk queue's alerts the named served alerts were taken in as (a repeat signal joined its open
 * alert, so two served ids may name one queue alert); each must be there and on `entityId`.
 */
async function alertsOfEntity(tx: Queryable, entityId: string, alertIds: string[]): Promise<Alert[]> {
  const known = await tx.query("select 1 from risk.entities where entity_id = $1", [entityId]);
  if (!known.rowCount) throw new FieldRuleError("entityId", `No entity ${entityId} is known; check the id.`);
  const { rows } = await tx.query<Record<string, unknown> & { taken_as: string }>(
    `select i.source_alert_id as taken_as, a.* from risk_compliance.synced_alert_intake i
     join risk_compliance.alert a on a.id = i.alert_id
     where i.source_alert_id = any($1::text[]) order by a.priority, a.created_at, a.id`,
    [alertIds],
  );
  const missing = alertIds.filter((id) => !rows.some((r) => r.taken_as === id));
  if (missing.length > 0)
    throw new FieldRuleError(
      "alertIds",
      `${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} not in the Risk alert queue (not taken in yet, or not an alert id).`,
    );
  const foreign = rows.filter((r) => r.entity_id !== entityId);
  if (foreign.length > 0)
    throw new FieldRuleError(
      "alertIds",
      `${foreign.map((r) => `${r.taken_as} is on ${String(r.entity_id)}`).join("; ")}, not on ${entityId}.`,
    );
  const alerts = new Map<string, Alert>();
  for (const r of rows) if (!alerts.has(String(r.id))) alerts.set(String(r.id), rowOf(alert, r));
  return [...alerts.values()];
}

/** Claims an alert as the filing app (a live claim of an analyst is a conflict naming them). */
async function claimed(tx: Queryable, alert: Alert, actor: string): Promise<{ id: string; version: number }> {
  const item = await alertQueue.claim(tx, { id: alert.id, claimant: actor });
  return { id: item.id, version: item.version };
}

/**
 * Files a triage outcome once per idempotency key, all in one transaction: the named alerts must be
 * the entity's; `escalate` opens a case from the most urgent one and merges the rest into it (the
 * kit's own escalate and merge), `dismiss` closes them, `monitor` leaves them open. The filing row,
 * with its source thread, is written first, so a concurrent retry waits for it and then replays it.
 */
export async function fileTriage(
  db: Database,
  input: TriageFilingInput,
  actor: string,
): Promise<TriageFilingOutcome> {
  const alertIds = [...new Set(input.alertIds)].sort();
  if (input.action !== "monitor" && alertIds.length === 0)
    throw new FieldRuleError("alertIds", `Name at least one alert to ${input.action}.`);
  return inTransaction(db, async (tx) => {
    const inserted = await tx.query(
      `insert into risk_compliance.triage_filing
         (idempotency_key, source_kit, source_thread_id, entity_id, action, alert_ids, reason, filed_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8)
       on conflict (idempotency_key) do nothing returning *`,
      [
        input.idempotencyKey,
        input.sourceKit,
        input.threadId,
        input.entityId,
        input.action,
        alertIds,
        input.reason,
        actor,
      ],
    );
    if (!inserted.rows[0]) {
      const { rows } = await tx.query(
        "select * from risk_compliance.triage_filing where idempotency_key = $1",
        [input.idempotencyKey],
      );
      const stored = rowOf(triageFiling, rows[0] as Record<string, unknown>);
      if (!sameFiling(stored, input, alertIds))
        throw new ConflictError(
          `Idempotency key ${input.idempotencyKey} already filed a different outcome (${stored.action} on ${stored.entityId}); use a new key for a new filing.`,
          { idempotencyKey: input.idempotencyKey },
        );
      return outcomeOf(tx, stored, true);
    }
    const alerts = await alertsOfEntity(tx, input.entityId, alertIds);
    let caseId: string | null = null;
    if (input.action === "escalate") {
      const [first, ...rest] = alerts as [Alert, ...Alert[]];
      const severe = alerts.some((a) => a.severity === "critical" || a.severity === "high");
      const held = await claimed(tx, first, actor);
      const kase = await escalateAlertTx(tx, {
        alertId: held.id,
        alertVersion: held.version,
        actor,
        riskLevel: severe ? "high" : "medium",
        title: `Agent triage: ${first.ruleName} — ${input.entityId}`,
      });
      caseId = kase.id;
      if (rest.length > 0) {
        const more = [];
        for (const a of rest) more.push(await claimed(tx, a, actor));
        await mergeAlertsTx(tx, { caseId: kase.id, caseVersion: kase.version, alerts: more, actor });
      }
    }
    if (input.action === "dismiss") {
      for (const a of alerts) {
        const held = await claimed(tx, a, actor);
        await alertQueue.close(tx, {
          id: held.id,
          actor,
          expectedVersion: held.version,
          status: "dismissed",
          values: {
            resolution: "benign",
            resolution_note: `Dismissed by agent triage (${input.sourceKit} thread ${input.threadId}), approved there by a reviewer: ${input.reason}`,
          },
        });
      }
    }
    const { rows } = await tx.query(
      "update risk_compliance.triage_filing set case_id = $2 where idempotency_key = $1 returning *",
      [input.idempotencyKey, caseId],
    );
    return outcomeOf(tx, rowOf(triageFiling, rows[0] as Record<string, unknown>), false);
  });
}

/** The thread that filed a case, for the link back from the case page (null: a person opened it). */
export async function filingOfCase(
  db: Queryable,
  caseId: string,
): Promise<{ sourceKit: string; threadId: string } | null> {
  const { rows } = await db.query<{ source_kit: string; source_thread_id: string }>(
    "select source_kit, source_thread_id from risk_compliance.triage_filing where case_id = $1 order by filed_at limit 1",
    [caseId],
  );
  return rows[0] ? { sourceKit: rows[0].source_kit, threadId: rows[0].source_thread_id } : null;
}
