import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  applyPreview,
  diffPreview,
  discardPreview,
  extendPreview,
  preparePreview,
} from "@appbase/branches/preview";
import { type LocalLakebaseFixture, startLocalLakebaseFixture } from "@appbase/branches/testing";
import { datasetsMigrations } from "@appbase/datasets";
import type { Lakehouse } from "@appbase/lakehouse";
import { type GovernanceSql, governanceMigrations } from "@appbase/lakehouse/governance";
import { openLocalLakehouse } from "@appbase/lakehouse/local";
import { NotFoundError } from "@appbase/next-kit/errors";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import kit from "../../../kit.ts";
import { type CaseGovernance, caseGovernance } from "../../db/case-governance.ts";
import { riskComplianceMigrations } from "../../testing/test-database.ts";
import { alertQueue } from "../alerts/alert-queue.ts";
import { raiseAlert } from "../alerts/raise-alert.ts";
import { escalateAlert } from "./escalate.ts";
import { moveCase } from "./move-case.ts";
import {
  type BranchDecision,
  decideOnBranch,
  planReview,
  type ReplayOutcome,
  type ReviewPlan,
  replayDecisions,
} from "./review-branch.ts";
import { reviewDiffTables } from "./review-tables.ts";
import { getCase, type RiskCase } from "./risk-case.ts";

// Reviews on the embedded Lakebase's branch host: decisions run on a real branch, the diff is read
// against main, and apply replays them on main through the lifecycle and the Governance Writer.
const KIT = kit.id;
let lakebase: LocalLakebaseFixture;
let main: pg.Pool;
let lakehouse: Lakehouse;
let governance: CaseGovernance;
const lakehouseDir = mkdtempSync(path.join(tmpdir(), "risk-review-lakehouse-"));

beforeAll(async () => {
  lakebase = await startLocalLakebaseFixture("select 1", {
    migrations: [datasetsMigrations, riskComplianceMigrations, governanceMigrations],
  });
  main = new pg.Pool({ connectionString: lakebase.main.url, max: 2 });
  await main.query(
    `insert into risk.entities (entity_id, entity_type, name, country_code, is_pep, kyc_status, onboarded_at)
     values ('E1', 'company', 'Entity E1', 'GB', false, 'verified', now())`,
  );
  lakehouse = await openLocalLakehouse({ directory: lakehouseDir });
  governance = await caseGovernance(lakehouse, main as unknown as GovernanceSql);
}, 120_000);

afterAll(async () => {
  await lakehouse?.close();
  await main?.end();
  await lakebase?.close();
  rmSync(lakehouseDir, { recursive: true, force: true });
});

let n = 0;
/** A case on main: high risk waiting for a second reviewer, or low risk under investigation. */
async function caseOnMain(kind: "proposed-high" | "investigating-low"): Promise<RiskCase> {
  const { alert } = await raiseAlert(main, {
    entityId: "E1",
    ruleId: `RB-${++n}`,
    ruleName: "Rapid movement of funds",
    severity: "high",
    score: 70,
    firedAt: new Date("2026-12-01T10:00:00Z"),
  });
  const claimed = await alertQueue.claim(main, { id: alert.id, claimant: "ana" });
  let kase = await escalateAlert(main, {
    alertId: alert.id,
    alertVersion: claimed.version,
    actor: "ana",
    riskLevel: kind === "proposed-high" ? "high" : "low",
  });
  const move = (m: Parameters<typeof moveCase>[1]) => moveCase(main, m, governance);
  kase = await move({ caseId: kase.id, expectedVersion: kase.version, actor: "ana", move: "start" });
  if (kind === "investigating-low") return kase;
  return move({
    caseId: kase.id,
    expectedVersion: kase.version,
    actor: "ana",
    move: "propose",
    disposition: "false_positive",
    note: "Invoices match every wire.",
  });
}

const open = (caseIds: string[]) =>
  preparePreview<ReviewPlan>(lakebase.branches, {
    kit: KIT,
    title: `Review of ${caseIds.length} case(s)`,
    preparedBy: "sara",
    plan: (db) => planReview(db, caseIds),
    run: async () => {},
  });
const decide = (branch: string, d: BranchDecision) =>
  extendPreview<ReviewPlan>(lakebase.branches, KIT, branch, (db, plan) => decideOnBranch(db, plan, d));
const apply = (branch: string) =>
  applyPreview<ReviewPlan, ReplayOutcome>(lakebase.branches, KIT, branch, (plan) =>
    replayDecisions(main, plan, governance),
  );
const decisionsOnMain = async (caseId: string) =>
  (
    await main.query(
      "select state, disposition, decided_by from risk_compliance.case_decision where case_id = $1",
      [caseId],
    )
  ).rows;

// Each test creates a branch of the embedded Lakebase, which takes seconds on a loaded machine.
describe("working a case set on a branch", { timeout: 180_000 }, () => {
  it("runs decisions on the branch only, shows the diff, and replays them on main through the writer", async () => {
    const high = await caseOnMain("proposed-high");
    const low = await caseOnMain("investigating-low");
    const review = await open([high.id, low.id]);
    await decide(review.branch, {
      caseId: high.id,
      expectedVersion: high.version,
      actor: "sara",
      move: "approve",
    });
    const worked = await decide(review.branch, {
      caseId: low.id,
      expectedVersion: low.version,
      actor: "sara",
      move: "close",
      disposition: "no_action",
      note: "Payroll run, as every month.",
    });
    expect(worked.plan.decisions.map((d) => d.move)).toEqual(["approve", "close"]);

    // Main is untouched until the branch is applied.
    expect(await getCase(main, high.id)).toMatchObject({ status: "pending_review", version: high.version });
    expect(await getCase(main, low.id)).toMatchObject({ status: "investigating", version: low.version });
    expect(await decisionsOnMain(high.id)).toEqual([]);

    const diff = await diffPreview(lakebase.branches, KIT, review.branch, reviewDiffTables);
    const cases = diff.find((d) => d.table === "risk_compliance.risk_case");
    expect(cases?.counts).toEqual({ inserted: 0, updated: 2, deleted: 0 });
    expect(cases?.updated[0]?.columns).toEqual(expect.arrayContaining(["status", "disposition", "version"]));
    expect(diff.find((d) => d.table === "risk_compliance.audit_event")?.counts.inserted).toBeGreaterThan(0);

    // A case outside the review is refused, and nothing is recorded for it.
    const outsider = await caseOnMain("investigating-low");
    await expect(
      decide(review.branch, {
        caseId: outsider.id,
        expectedVersion: outsider.version,
        actor: "sara",
        move: "propose",
      }),
    ).rejects.toBeInstanceOf(NotFoundError);

    const outcome = await apply(review.branch);
    expect(outcome).toEqual({
      applied: [
        { caseId: high.id, move: "approve" },
        { caseId: low.id, move: "close" },
      ],
      conflicts: [],
    });
    expect(await getCase(main, high.id)).toMatchObject({
      status: "closed",
      disposition: "false_positive",
      closedBy: "sara",
    });
    expect(await getCase(main, low.id)).toMatchObject({ status: "closed", disposition: "no_action" });
    expect(await decisionsOnMain(high.id)).toEqual([
      { state: "closed", disposition: "false_positive", decided_by: "sara" },
    ]);
    const { row } = await governance.writer.read("risk_compliance.case_decision", { case_id: low.id });
    expect(row).toMatchObject({ state: "closed", disposition: "no_action", decided_by: "sara" });
    expect((await lakebase.branches.list()).map((b) => b.name)).not.toContain(review.branch);
  });

  it("discarding the branch leaves main as it was", async () => {
    const high = await caseOnMain("proposed-high");
    const review = await open([high.id]);
    await decide(review.branch, {
      caseId: high.id,
      expectedVersion: high.version,
      actor: "sara",
      move: "approve",
    });
    await discardPreview(lakebase.branches, KIT, review.branch);
    expect(await getCase(main, high.id)).toEqual(high);
    expect(await decisionsOnMain(high.id)).toEqual([]);
    expect((await lakebase.branches.list()).map((b) => b.name)).not.toContain(review.branch);
  });

  it("reports a case that moved on main meanwhile as a conflict and skips its later decisions", async () => {
    const low = await caseOnMain("investigating-low");
    const review = await open([low.id]);
    await decide(review.branch, {
      caseId: low.id,
      expectedVersion: low.version,
      actor: "sara",
      move: "close",
      disposition: "no_action",
      note: "Nothing unusual.",
    });
    await decide(review.branch, {
      caseId: low.id,
      expectedVersion: low.version + 1,
      actor: "sara",
      move: "reopen",
      note: "A late wire arrived.",
    });
    // Ben proposes a closure on main after the branch was opened.
    const moved = await moveCase(
      main,
      {
        caseId: low.id,
        expectedVersion: low.version,
        actor: "ben",
        move: "propose",
        disposition: "confirmed_risk",
        note: "Pattern confirmed.",
      },
      governance,
    );
    const outcome = await apply(review.branch);
    expect(outcome.applied).toEqual([]);
    expect(outcome.conflicts).toEqual([
      { caseId: low.id, move: "close", reason: expect.stringMatching(/ben changed CASE-\d+ meanwhile/) },
      { caseId: low.id, move: "reopen", reason: expect.stringMatching(/^Skipped/) },
    ]);
    expect(await getCase(main, low.id)).toEqual(moved);
  });
});
