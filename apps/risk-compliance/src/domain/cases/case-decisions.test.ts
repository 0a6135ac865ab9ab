import { FieldRuleError } from "@appbase/next-kit/errors";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addEntities, createGovernedTestDatabase } from "../../testing/test-database.ts";
import { alertQueue } from "../alerts/alert-queue.ts";
import { raiseAlert } from "../alerts/raise-alert.ts";
import { auditTrail } from "../audit/audit-trail.ts";
import { verifyAudit } from "../audit/verify-audit.ts";
import { decisionAsOf, decisionHistory } from "./case-decisions.ts";
import { escalateAlert } from "./escalate.ts";
import { moveCase } from "./move-case.ts";
import { getCase, type RiskCase } from "./risk-case.ts";

// Silver refuses writes while this is set (the writer's fault hook), as an unreachable warehouse would.
let silverDown = false;
let db: Awaited<ReturnType<typeof createGovernedTestDatabase>>;
beforeAll(async () => {
  db = await createGovernedTestDatabase({
    faults: {
      silver: () => {
        if (silverDown) throw new Error("warehouse unreachable");
      },
    },
  });
  await addEntities(db, ["E1"]);
}, 120_000);
afterAll(() => db?.close());

let n = 0;
async function caseAt(status: "investigating" | "pending_review"): Promise<RiskCase> {
  const { alert } = await raiseAlert(db.pool, {
    entityId: "E1",
    ruleId: `GV-${++n}`,
    ruleName: "Rapid movement of funds",
    severity: "high",
    score: 77,
    firedAt: new Date("2026-12-01T10:00:00Z"),
  });
  const claimed = await alertQueue.claim(db.pool, { id: alert.id, claimant: "ana" });
  let kase = await escalateAlert(db.pool, {
    alertId: alert.id,
    alertVersion: claimed.version,
    actor: "ana",
    riskLevel: "high",
  });
  const move = (m: Parameters<typeof moveCase>[1]) => moveCase(db.pool, m, db.governance);
  kase = await move({ caseId: kase.id, expectedVersion: kase.version, actor: "ana", move: "start" });
  if (status === "investigating") return kase;
  return move({
    caseId: kase.id,
    expectedVersion: kase.version,
    actor: "ana",
    move: "propose",
    disposition: "confirmed_risk",
    note: "Structuring confirmed by branch records.",
  });
}

const servedDecision = async (caseId: string) =>
  (await db.pool.query("select * from risk_compliance.case_decision where case_id = $1", [caseId])).rows[0];

describe("governed case decisions", () => {
  it("writes a four-eyes closure to silver, Lakebase and bronze, and a reopen as its next version", async () => {
    const proposed = await caseAt("pending_review");
    const before = new Date();
    const closed = await moveCase(
      db.pool,
      { caseId: proposed.id, expectedVersion: proposed.version, actor: "sam", move: "approve" },
      db.governance,
    );
    const { row: silver } = await db.governance.writer.read("risk_compliance.case_decision", {
      case_id: closed.id,
    });
    expect(silver).toMatchObject({
      case_id: closed.id,
      state: "closed",
      disposition: "confirmed_risk",
      proposed_by: "ana",
      decided_by: "sam",
      rationale: "Structuring confirmed by branch records.",
      version: 1,
    });
    expect(await servedDecision(closed.id)).toMatchObject({ state: "closed", version: "1" });
    const closedAt = new Date();
    await moveCase(
      db.pool,
      {
        caseId: closed.id,
        expectedVersion: closed.version,
        actor: "ana",
        move: "reopen",
        note: "Two more deposits arrived.",
      },
      db.governance,
    );

    const history = await decisionHistory(db.governance.writer, closed.id);
    expect(history.map((d) => [d.version, d.state, d.decided_by])).toEqual([
      [1, "closed", "sam"],
      [2, "reopened", "ana"],
    ]);
    // As of a time between the two decisions, silver still said "closed, confirmed risk".
    const then = await decisionAsOf(db.governance.writer, closed.id, closedAt);
    expect(then.decision).toMatchObject({ state: "closed", disposition: "confirmed_risk", version: 1 });
    const now = await decisionAsOf(db.governance.writer, closed.id, new Date());
    expect(now.decision).toMatchObject({ state: "reopened", disposition: null, version: 2 });
    expect((await decisionAsOf(db.governance.writer, closed.id, before)).decision).toBeNull();
    expect(await servedDecision(closed.id)).toMatchObject({ state: "reopened", version: "2" });
  });

  it("reverts the move when silver refuses the decision", async () => {
    const proposed = await caseAt("pending_review");
    silverDown = true;
    try {
      const refused = await moveCase(
        db.pool,
        { caseId: proposed.id, expectedVersion: proposed.version, actor: "sam", move: "approve" },
        db.governance,
      ).catch((e) => e);
      expect(refused).toBeInstanceOf(FieldRuleError);
      expect(refused.message).toMatch(/Nothing was saved.*warehouse unreachable/);
    } finally {
      silverDown = false;
    }
    // The approval is reverted (and audited as such): the case waits for a decision as before.
    expect(await getCase(db.pool, proposed.id)).toMatchObject({
      status: "pending_review",
      disposition: null,
      closedBy: null,
      proposedBy: "ana",
      proposedDisposition: "confirmed_risk",
    });
    const trail = await auditTrail(db.pool, proposed.id);
    expect(trail.at(-1)).toMatchObject({ action: "revert", field: "note" });
    expect(String(trail.at(-1)?.newValue)).toMatch(/Decision not recorded: .*warehouse unreachable/);
    expect((await verifyAudit(db.pool, { caseId: proposed.id })).ok).toBe(true);
    expect(await servedDecision(proposed.id)).toBeUndefined();
    expect(await decisionHistory(db.governance.writer, proposed.id)).toEqual([]);
  });

  it("refuses deciding moves without the lakehouse, and lets the others through", async () => {
    const kase = await caseAt("investigating");
    const refused = await moveCase(
      db.pool,
      {
        caseId: kase.id,
        expectedVersion: kase.version,
        actor: "ana",
        move: "propose",
        disposition: "no_action",
        note: "Nothing unusual.",
      },
      null,
    );
    expect(refused.status).toBe("pending_review");
    await expect(
      moveCase(
        db.pool,
        { caseId: kase.id, expectedVersion: refused.version, actor: "sam", move: "approve" },
        null,
      ),
    ).rejects.toThrow(/lakehouse holding them is not available/);
  });
});
