import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { ConflictError, FieldRuleError } from "@appbase/next-kit/errors";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addEntities, createGovernedTestDatabase } from "../../testing/test-database.ts";
import { alertQueue } from "../alerts/alert-queue.ts";
import { raiseAlert, type Signal } from "../alerts/raise-alert.ts";
import { verifyAudit } from "../audit/verify-audit.ts";
import { addEvidence, listEvidence } from "../evidence/add-evidence.ts";
import { localFolderStore } from "../evidence/evidence-store.ts";
import { escalateAlert, linkEntity, mergeAlerts } from "./escalate.ts";
import { moveCase } from "./move-case.ts";
import { getCase } from "./risk-case.ts";

let db: Awaited<ReturnType<typeof createGovernedTestDatabase>>;
beforeAll(async () => {
  db = await createGovernedTestDatabase();
  await addEntities(db, ["E1", "E2", "E3"]);
});
afterAll(() => db?.close());

let n = 0;
const signal = (over: Partial<Signal> = {}): Signal => ({
  entityId: "E1",
  ruleId: `TM-${++n}`,
  ruleName: "Structuring below the reporting threshold",
  severity: "high",
  score: 81,
  firedAt: new Date("2026-12-01T10:00:00Z"),
  ...over,
});

async function claimedAlert(over: Partial<Signal> = {}, who = "ana") {
  const { alert } = await raiseAlert(db.pool, signal(over));
  return alertQueue.claim(db.pool, { id: alert.id, claimant: who });
}

describe("alerts", () => {
  it("adds a repeated signal to the open alert and sets the SLA from severity", async () => {
    const s = signal({ severity: "critical" });
    const first = await raiseAlert(db.pool, s);
    const again = await raiseAlert(db.pool, { ...s, firedAt: new Date("2026-12-01T18:00:00Z") });
    expect(again).toMatchObject({ created: false, alert: { id: first.alert.id, duplicateCount: 1 } });
    expect(first.alert.dueAt!.getTime() - first.alert.createdAt.getTime()).toBe(4 * 3_600_000);
    expect(first.alert.priority).toBe(1);
  });
});

describe("escalate, merge, link", () => {
  it("escalates a claimed alert to a case, and refuses one the actor does not hold", async () => {
    const alert = await claimedAlert();
    const refused = await escalateAlert(db.pool, {
      alertId: alert.id,
      alertVersion: alert.version,
      actor: "bo",
      riskLevel: "high",
    }).catch((e) => e);
    expect(refused).toBeInstanceOf(ConflictError);
    expect(refused.message).toMatch(/^ana has claimed/);
    const kase = await escalateAlert(db.pool, {
      alertId: alert.id,
      alertVersion: alert.version,
      actor: "ana",
      riskLevel: "high",
    });
    expect(kase).toMatchObject({
      status: "new",
      riskLevel: "high",
      assignee: "ana",
      title: `${alert.ruleName} — E1`,
    });
    expect(await alertQueue.get(db.pool, alert.id)).toMatchObject({
      status: "escalated",
      caseId: kase.id,
      closedBy: "ana",
    });
    // The refused attempt left nothing behind: one case for this alert.
    const { rows } = await db.pool.query(
      "select count(*)::int as n from risk_compliance.alert where case_id = $1",
      [kase.id],
    );
    expect(rows[0].n).toBe(1);
  });

  it("merges alerts into a case all-or-nothing, linking their entities", async () => {
    const kase = await escalateAlert(db.pool, {
      ...(await claimedAlert().then((a) => ({ alertId: a.id, alertVersion: a.version }))),
      actor: "ana",
      riskLevel: "medium",
    });
    const a2 = await claimedAlert({ entityId: "E2" });
    const a3 = await claimedAlert({ entityId: "E3" });
    const stale = await mergeAlerts(db.pool, {
      caseId: kase.id,
      caseVersion: kase.version,
      actor: "ana",
      alerts: [
        { id: a2.id, version: a2.version },
        { id: a3.id, version: a3.version - 1 },
      ],
    }).catch((e) => e);
    expect(stale).toBeInstanceOf(ConflictError);
    expect((await alertQueue.get(db.pool, a2.id)).status).toBe("claimed");
    const merged = await mergeAlerts(db.pool, {
      caseId: kase.id,
      caseVersion: kase.version,
      actor: "ana",
      alerts: [a2, a3].map(({ id, version }) => ({ id, version })),
    });
    expect(merged.version).toBe(kase.version + 1);
    const linked = await db.pool.query(
      "select entity_id from risk_compliance.case_entity where case_id = $1 order by 1",
      [kase.id],
    );
    expect(linked.rows.map((r) => r.entity_id)).toEqual(["E1", "E2", "E3"]);
    await expect(
      linkEntity(db.pool, { caseId: kase.id, expectedVersion: merged.version, entityId: "E2", actor: "ana" }),
    ).rejects.toThrow(/already linked/);
    await expect(
      linkEntity(db.pool, {
        caseId: kase.id,
        expectedVersion: merged.version,
        entityId: "NOPE",
        actor: "ana",
      }),
    ).rejects.toThrow(/No entity NOPE/);
  });
});

async function newCase(riskLevel: "high" | "low") {
  const a = await claimedAlert();
  return escalateAlert(db.pool, { alertId: a.id, alertVersion: a.version, actor: "ana", riskLevel });
}

describe("lifecycle", () => {
  it("closes a high-risk case only with a second reviewer, then reopens it", async () => {
    let kase = await newCase("high");
    kase = await moveCase(
      db.pool,
      {
        caseId: kase.id,
        expectedVersion: kase.version,
        actor: "ana",
        move: "start",
      },
      db.governance,
    );
    await expect(
      moveCase(
        db.pool,
        {
          caseId: kase.id,
          expectedVersion: kase.version,
          actor: "ana",
          move: "close",
          disposition: "no_action",
          note: "nothing found",
        },
        db.governance,
      ),
    ).rejects.toThrow(/propose the closure/);
    kase = await moveCase(
      db.pool,
      {
        caseId: kase.id,
        expectedVersion: kase.version,
        actor: "ana",
        move: "propose",
        disposition: "confirmed_risk",
        note: "pattern confirmed",
      },
      db.governance,
    );
    expect(kase).toMatchObject({
      status: "pending_review",
      proposedBy: "ana",
      proposedDisposition: "confirmed_risk",
    });
    const selfApprove = await moveCase(
      db.pool,
      {
        caseId: kase.id,
        expectedVersion: kase.version,
        actor: "ana",
        move: "approve",
      },
      db.governance,
    ).catch((e) => e);
    expect(selfApprove).toBeInstanceOf(FieldRuleError);
    expect(selfApprove.message).toMatch(/four-eyes/);
    kase = await moveCase(
      db.pool,
      {
        caseId: kase.id,
        expectedVersion: kase.version,
        actor: "sam",
        move: "approve",
      },
      db.governance,
    );
    expect(kase).toMatchObject({ status: "closed", disposition: "confirmed_risk", closedBy: "sam" });
    await expect(
      moveCase(
        db.pool,
        {
          caseId: kase.id,
          expectedVersion: kase.version,
          actor: "ana",
          move: "reopen",
          note: "",
        },
        db.governance,
      ),
    ).rejects.toBeInstanceOf(FieldRuleError);
    kase = await moveCase(
      db.pool,
      {
        caseId: kase.id,
        expectedVersion: kase.version,
        actor: "ana",
        move: "reopen",
        note: "new transactions arrived",
      },
      db.governance,
    );
    expect(kase).toMatchObject({
      status: "investigating",
      disposition: null,
      reopenCount: 1,
      proposedBy: null,
    });
    expect((await verifyAudit(db.pool, { caseId: kase.id })).ok).toBe(true);
  });

  it("lets the investigator close a low-risk case directly, and refuses moves from the wrong status", async () => {
    let kase = await newCase("low");
    await expect(
      moveCase(
        db.pool,
        { caseId: kase.id, expectedVersion: kase.version, actor: "ana", move: "approve" },
        db.governance,
      ),
    ).rejects.toThrow(/cannot approve/);
    kase = await moveCase(
      db.pool,
      {
        caseId: kase.id,
        expectedVersion: kase.version,
        actor: "ana",
        move: "close",
        disposition: "false_positive",
        note: "known payroll pattern",
      },
      db.governance,
    );
    expect(kase).toMatchObject({ status: "closed", disposition: "false_positive", closedBy: "ana" });
  });

  it("refuses an edit at a version that moved on, naming who moved it", async () => {
    const kase = await newCase("low");
    await moveCase(
      db.pool,
      { caseId: kase.id, expectedVersion: kase.version, actor: "sam", move: "start" },
      db.governance,
    );
    const err = await moveCase(
      db.pool,
      {
        caseId: kase.id,
        expectedVersion: kase.version,
        actor: "ana",
        move: "start",
      },
      db.governance,
    ).catch((e) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect(err.message).toMatch(/^sam changed CASE-\d+ meanwhile/);
  });

  it("lets exactly one of two concurrent edits at the same version through", async () => {
    const kase = await newCase("low");
    const results = await Promise.allSettled(
      ["ana", "sam"].map((actor) =>
        moveCase(
          db.pool,
          { caseId: kase.id, expectedVersion: kase.version, actor, move: "start" },
          db.governance,
        ),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((await getCase(db.pool, kase.id)).version).toBe(kase.version + 1);
  });
});

describe("evidence and audit", () => {
  it("stores notes, links and files with their SHA-256, and audits each", async () => {
    const root = await mkdtemp(path.join(tmpdir(), "rc-evidence-"));
    const store = localFolderStore(root);
    let kase = await newCase("high");
    const note = await addEvidence(db.pool, store, {
      caseId: kase.id,
      expectedVersion: kase.version,
      actor: "ana",
      item: { kind: "note", title: "Call with RM", text: "abc" },
    });
    expect(note.sha256).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    kase = await getCase(db.pool, kase.id);
    const bytes = new TextEncoder().encode("statement,amount\n1,9900\n");
    const file = await addEvidence(db.pool, store, {
      caseId: kase.id,
      expectedVersion: kase.version,
      actor: "ana",
      item: {
        kind: "file",
        title: "Statement",
        fileName: "../../etc/passwd.csv",
        contentType: "text/csv",
        bytes,
      },
    });
    expect(file.storagePath).toMatch(new RegExp(`^${kase.id}/[0-9a-f-]+-etc_passwd.csv$`));
    expect(await readFile(path.join(root, file.storagePath!), "utf8")).toBe("statement,amount\n1,9900\n");
    await expect(
      addEvidence(db.pool, store, {
        caseId: kase.id,
        expectedVersion: kase.version,
        actor: "ana",
        item: { kind: "link", title: "x", url: "https://example.com" },
      }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect((await listEvidence(db.pool, kase.id)).map((e) => e.kind)).toEqual(["note", "file"]);
    const audit = await db.pool.query(
      "select action, new_value from risk_compliance.audit_event where case_id = $1 and action = 'evidence-added' order by seq",
      [kase.id],
    );
    expect(audit.rows.map((r) => r.new_value.sha256)).toEqual([note.sha256, file.sha256]);
  });

  it("names the first broken row when an audit event is edited, deleted, or cut off the end", async () => {
    let kase = await newCase("high");
    kase = await moveCase(
      db.pool,
      {
        caseId: kase.id,
        expectedVersion: kase.version,
        actor: "ana",
        move: "start",
      },
      db.governance,
    );
    kase = await moveCase(
      db.pool,
      {
        caseId: kase.id,
        expectedVersion: kase.version,
        actor: "ana",
        move: "propose",
        disposition: "no_action",
        note: "no pattern",
      },
      db.governance,
    );
    expect(await verifyAudit(db.pool, { caseId: kase.id })).toMatchObject({ ok: true, breaks: [] });
    const events = (
      await db.pool.query("select id, seq from risk_compliance.audit_event where case_id = $1 order by seq", [
        kase.id,
      ])
    ).rows;

    const target = events[3];
    await db.pool.query(
      `update risk_compliance.audit_event set new_value = '"false_positive"' where id = $1`,
      [target.id],
    );
    const edited = await verifyAudit(db.pool, { caseId: kase.id });
    expect(edited.ok).toBe(false);
    expect(edited.breaks[0]).toMatchObject({
      caseId: kase.id,
      eventId: Number(target.id),
      seq: target.seq,
      reason: expect.stringMatching(/edited/),
    });

    const fresh = await newCase("low");
    const freshEvents = (
      await db.pool.query("select id, seq from risk_compliance.audit_event where case_id = $1 order by seq", [
        fresh.id,
      ])
    ).rows;
    await db.pool.query("delete from risk_compliance.audit_event where id = $1", [freshEvents[1].id]);
    expect((await verifyAudit(db.pool, { caseId: fresh.id })).breaks[0]).toMatchObject({
      seq: 2,
      reason: expect.stringMatching(/missing/),
    });
    await db.pool.query("delete from risk_compliance.audit_event where case_id = $1 and seq > 1", [fresh.id]);
    expect((await verifyAudit(db.pool, { caseId: fresh.id })).breaks[0]).toMatchObject({
      seq: 2,
      reason: expect.stringMatching(/end/),
    });
  });
});
