import { rowOf } from "@appbase/db";
import type { GovernanceSql } from "@appbase/lakehouse/governance";
import type { KitSeedContext, KitSeedResult } from "@appbase/next-kit/define-kit";
import type pg from "pg";
import kit from "../kit.ts";
import { type CaseGovernance, withLocalCaseGovernance } from "./db/case-governance.ts";
import { alert } from "./db/schema/alert.ts";
import { type Alert, alertQueue } from "./domain/alerts/alert-queue.ts";
import { runIntake } from "./domain/alerts/intake.ts";
import { escalateAlert, mergeAlerts } from "./domain/cases/escalate.ts";
import type { Disposition, RiskLevel } from "./domain/cases/lifecycle.ts";
import { moveCase } from "./domain/cases/move-case.ts";
import { getCase, type RiskCase } from "./domain/cases/risk-case.ts";
import { addEvidence } from "./domain/evidence/add-evidence.ts";
import { indexEvidence } from "./domain/policies/evidence-search.ts";
import { indexPolicies } from "./domain/policies/index-policies.ts";
import { lexicalEmbedder } from "./domain/policies/lexical-embedder.ts";
import { hasRetrieval, publishPolicyVersion } from "./domain/policies/policy-versions.ts";

const [ana, ben, sara] = kit.localUsers.map((u) => u.email) as [string, string, string];
const OPEN_ALERTS = { tiny: 40, default: 200, large: 400 } as const;

// The seed adds notes and links only, so it needs no file store.
const noFiles = null;

/**
 * Takes in the synced gold data as the running kit does (alerts raised, policies imported and
 * indexed), then returns the newest unworked alerts raised from gold, which the seed walks into
 * every state. The kit may already have taken them in at startup, so they are read from the queue.
 */
async function intakeAlerts(pool: pg.Pool, limit: number): Promise<{ alerts: Alert[]; imported: number }> {
  const run = await runIntake(pool, lexicalEmbedder, { limit });
  if (run.skipped) throw new Error("The kit's intake is running; seed again once it has finished.");
  const { rows } = await pool.query(
    `select * from risk_compliance.alert where status = 'new' and source_alert_id is not null
     order by created_at desc, id limit $1`,
    [limit],
  );
  return { alerts: rows.map((r) => rowOf(alert, r)), imported: run.imported };
}

async function claimed(pool: pg.Pool, id: string, who: string) {
  return alertQueue.claim(pool, { id, claimant: who });
}

/** Opens a case from an alert and walks it to `disposition`, by the people who would. */
async function caseClosedAs(
  pool: pg.Pool,
  governance: CaseGovernance,
  alertId: string,
  riskLevel: RiskLevel,
  disposition: Disposition,
  note: string,
): Promise<RiskCase> {
  const a = await claimed(pool, alertId, ana);
  let kase = await escalateAlert(pool, { alertId, alertVersion: a.version, actor: ana, riskLevel });
  kase = await moveCase(
    pool,
    { caseId: kase.id, expectedVersion: kase.version, actor: ana, move: "start" },
    governance,
  );
  await addEvidence(pool, noFiles, {
    caseId: kase.id,
    expectedVersion: kase.version,
    actor: ana,
    item: { kind: "note", title: "Review notes", text: note },
  });
  kase = await getCase(pool, kase.id);
  if (riskLevel === "high" || riskLevel === "critical") {
    kase = await moveCase(
      pool,
      {
        caseId: kase.id,
        expectedVersion: kase.version,
        actor: ana,
        move: "propose",
        disposition,
        note,
      },
      governance,
    );
    return moveCase(
      pool,
      { caseId: kase.id, expectedVersion: kase.version, actor: sara, move: "approve" },
      governance,
    );
  }
  return moveCase(
    pool,
    {
      caseId: kase.id,
      expectedVersion: kase.version,
      actor: ana,
      move: "close",
      disposition,
      note,
    },
    governance,
  );
}

/**
 * Seeds the kit so every state is on screen: open, claimed, snoozed and breached alerts; cases
 * escalated, merged, pending review, closed with each disposition and reopened; policies with
 * several versions, embedded for retrieval where pgvector is available. Re-running adds nothing.
 */
export async function seedKit(ctx: KitSeedContext): Promise<KitSeedResult> {
  // Closing and reopening cases are governed decisions, written through the local lakehouse.
  return withLocalCaseGovernance(ctx.lakehouseDir, ctx.pool as unknown as GovernanceSql, (governance) =>
    seedWith(ctx, governance),
  );
}

async function seedWith(ctx: KitSeedContext, governance: CaseGovernance): Promise<KitSeedResult> {
  const { pool } = ctx;
  const existing = await pool.query<{ n: number }>(
    "select count(*)::int as n from risk_compliance.risk_case",
  );
  if ((existing.rows[0]?.n ?? 0) > 0) return { summary: "already seeded (cases exist); nothing added" };

  const { alerts, imported } = await intakeAlerts(pool, OPEN_ALERTS[ctx.scale]);
  if (alerts.length < 16)
    throw new Error(`Only ${alerts.length} synced alerts; load the datasets first (appbase up).`);
  const next = (() => {
    let i = 0;
    return () => alerts[i++]!;
  })();

  // Queue states.
  await claimed(pool, next().id, ana);
  await claimed(pool, next().id, ben);
  const toSnooze = next();
  await alertQueue.snooze(pool, {
    id: toSnooze.id,
    actor: ben,
    expectedVersion: toSnooze.version,
    until: new Date(Date.now() + 2 * 24 * 3_600_000),
    reason: "Waiting for the correspondent bank's reply to our RFI",
  });
  // Breached: backdate two alerts past their SLA, as if they had waited since the weekend.
  for (const a of [next(), next()]) {
    await pool.query(
      "update risk_compliance.alert set created_at = created_at - interval '10 days', due_at = due_at - interval '10 days' where id = $1",
      [a.id],
    );
  }

  // Cases closed with each disposition (high/critical ones through four-eyes).
  const closings: [RiskLevel, Disposition, string][] = [
    [
      "high",
      "confirmed_risk",
      "Deposits of 9,500-9,900 on consecutive days across three branches: structuring confirmed.",
    ],
    ["low", "false_positive", "Payroll batch split by the employer's bank; documented and expected."],
    [
      "medium",
      "no_action",
      "Reactivated account belongs to a returning expatriate; source of funds verified.",
    ],
    [
      "critical",
      "escalated",
      "Counterparty matches a sanctioned entity's beneficial owner; referred to the MLRO.",
    ],
  ];
  const closed = [];
  for (const [level, disposition, note] of closings)
    closed.push(await caseClosedAs(pool, governance, next().id, level, disposition, note));

  // Reopened: the confirmed-risk case gets new activity.
  const reopenedFrom = closed[0]!;
  await moveCase(
    pool,
    {
      caseId: reopenedFrom.id,
      expectedVersion: reopenedFrom.version,
      actor: ana,
      move: "reopen",
      note: "Two further deposits just below the threshold arrived after closing.",
    },
    governance,
  );

  // Escalated and merged, left in investigation; and one waiting for a second reviewer.
  const first = await claimed(pool, next().id, ana);
  let open = await escalateAlert(pool, {
    alertId: first.id,
    alertVersion: first.version,
    actor: ana,
    riskLevel: "high",
  });
  const [m1, m2] = [await claimed(pool, next().id, ana), await claimed(pool, next().id, ana)];
  open = await mergeAlerts(pool, {
    caseId: open.id,
    caseVersion: open.version,
    actor: ana,
    alerts: [m1, m2].map(({ id, version }) => ({ id, version })),
  });
  open = await moveCase(
    pool,
    { caseId: open.id, expectedVersion: open.version, actor: ana, move: "start" },
    governance,
  );
  await addEvidence(pool, noFiles, {
    caseId: open.id,
    expectedVersion: open.version,
    actor: ana,
    item: {
      kind: "link",
      title: "Company registry extract",
      url: "https://find-and-update.company-information.service.gov.uk/",
    },
  });
  const pending = await claimed(pool, next().id, ben);
  let review = await escalateAlert(pool, {
    alertId: pending.id,
    alertVersion: pending.version,
    actor: ben,
    riskLevel: "high",
  });
  review = await moveCase(
    pool,
    {
      caseId: review.id,
      expectedVersion: review.version,
      actor: ben,
      move: "start",
    },
    governance,
  );
  await moveCase(
    pool,
    {
      caseId: review.id,
      expectedVersion: review.version,
      actor: ben,
      move: "propose",
      disposition: "false_positive",
      note: "Trade invoices match every wire; the jurisdiction rule over-fires for this corridor.",
    },
    governance,
  );

  // Policies: the synced versions (imported by the intake), plus newer versions of two of them.
  const { rows: toRevise } = await pool.query<{ policy_id: string; body: string }>(
    "select policy_id, body from risk_compliance.policy_version where is_current order by policy_id limit 2",
  );
  for (const p of toRevise) {
    await publishPolicyVersion(pool, {
      policyId: p.policy_id,
      version: "10.0",
      body: `${p.body}\n\nExceptions. Exceptions are approved by the head of compliance, recorded with an expiry date, and reviewed at every policy revision.`,
      effectiveDate: new Date().toISOString().slice(0, 10),
      actor: "olga.officer@example.com",
    });
  }
  let retrieval = "retrieval off (no pgvector)";
  if (await hasRetrieval(pool)) {
    const progress = await indexPolicies(pool, lexicalEmbedder);
    const evidenceChunks = await indexEvidence(pool, lexicalEmbedder);
    retrieval = `${progress.embedded} policy and ${evidenceChunks} evidence chunks embedded (${lexicalEmbedder.label})`;
  }
  return {
    summary: `${alerts.length} alerts raised, 7 cases (4 closed, 1 reopened, 1 pending review, 1 investigating with merged alerts), ${imported} policies (+${toRevise.length} new versions), ${retrieval}`,
  };
}
