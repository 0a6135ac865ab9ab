import { ConflictError, FieldRuleError } from "@appbase/next-kit/errors";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addEntities, createTestDatabase, type TestDatabase } from "../../testing/test-database.ts";
import { alertQueue } from "../alerts/alert-queue.ts";
import { raiseSyncedAlerts } from "../alerts/intake.ts";
import { fileTriage, filingOfCase, type TriageFilingInput } from "./triage-intake.ts";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await addEntities(db, ["E0000001", "E0000002"]);
}, 120_000);
afterAll(() => db?.close());

const APP = "agent-ops-app@apps.appbase.local";
let next = 0;

/** Synced gold alerts on an entity, taken into the Risk queue as the kit's intake does. */
async function servedAlerts(entityId: string, severities: string[]): Promise<string[]> {
  const ids = [];
  for (const severity of severities) {
    const id = `A${String(++next).padStart(7, "0")}`;
    await db.pool.query(
      `insert into risk.alerts (alert_id, entity_id, rule_id, rule_name, severity, status, dedupe_key, score, duplicate_count, opened_at, last_seen_at)
       values ($1, $2, 'TM-' || $1, 'Rapid movement of funds', $3, 'open', $1, 0.8, 0, now(), now())`,
      [id, entityId, severity],
    );
    ids.push(id);
  }
  await raiseSyncedAlerts(db.pool);
  return ids;
}

const filing = (over: Partial<TriageFilingInput>): TriageFilingInput => ({
  idempotencyKey: `thread-1:call_${++next}`,
  sourceKit: "agent-ops",
  threadId: "thread-1",
  entityId: "E0000001",
  action: "escalate",
  alertIds: [],
  reason: "High risk with two severe open alerts",
  ...over,
});

const queueAlert = async (sourceAlertId: string) => {
  const { rows } = await db.pool.query<{ id: string; status: string; case_id: string | null }>(
    "select id, status, case_id from risk_compliance.alert where source_alert_id = $1",
    [sourceAlertId],
  );
  return rows[0]!;
};
const count = async (sql: string, values: unknown[] = []) =>
  Number((await db.pool.query<{ n: string }>(sql, values)).rows[0]?.n);

describe("filing a triage outcome", () => {
  it("escalates the entity's alerts into one case that links back to the thread", async () => {
    const alertIds = await servedAlerts("E0000001", ["medium", "critical"]);
    const outcome = await fileTriage(db.pool, filing({ alertIds }), APP);
    expect(outcome).toMatchObject({
      action: "escalate",
      replayed: false,
      caseLabel: expect.stringMatching(/^CASE-/),
    });
    const [a, b] = await Promise.all(alertIds.map(queueAlert));
    expect(new Set([a!.case_id, b!.case_id])).toEqual(new Set([outcome.caseId]));
    expect([a!.status, b!.status].sort()).toEqual(["escalated", "merged"]);
    const kase = await db.pool.query(
      "select risk_level, assignee from risk_compliance.risk_case where id = $1",
      [outcome.caseId],
    );
    expect(kase.rows[0]).toEqual({ risk_level: "high", assignee: APP });
    expect(await filingOfCase(db.pool, outcome.caseId!)).toEqual({
      sourceKit: "agent-ops",
      threadId: "thread-1",
    });
  });

  it("takes a repeat signal as the alert it joined: two served ids, one queue alert, one case", async () => {
    const ids = ["A0000901", "A0000902"];
    for (const id of ids)
      await db.pool.query(
        `insert into risk.alerts (alert_id, entity_id, rule_id, rule_name, severity, status, dedupe_key, score, duplicate_count, opened_at, last_seen_at)
         values ($1, 'E0000002', 'TM-REPEAT', 'Repeated structuring', 'high', 'new', $1, 0.8, 0, now(), now())`,
        [id],
      );
    await raiseSyncedAlerts(db.pool);
    const outcome = await fileTriage(db.pool, filing({ entityId: "E0000002", alertIds: ids }), APP);
    expect(outcome.caseId).not.toBeNull();
    const { rows } = await db.pool.query("select status from risk_compliance.alert where case_id = $1", [
      outcome.caseId,
    ]);
    expect(rows).toEqual([{ status: "escalated" }]);
  });

  it("files once per idempotency key: a retry, even concurrent, gets the same case back", async () => {
    const alertIds = await servedAlerts("E0000001", ["high"]);
    const input = filing({ alertIds });
    const cases = () => count("select count(*) as n from risk_compliance.risk_case");
    const before = await cases();
    const [one, two] = await Promise.all([fileTriage(db.pool, input, APP), fileTriage(db.pool, input, APP)]);
    const again = await fileTriage(db.pool, input, APP);
    expect(await cases()).toBe(before + 1);
    expect(new Set([one.caseId, two.caseId, again.caseId]).size).toBe(1);
    expect([one.replayed, two.replayed].sort()).toEqual([false, true]);
    expect(again.replayed).toBe(true);
  });

  it("refuses a key reused for a different outcome", async () => {
    const alertIds = await servedAlerts("E0000001", ["low"]);
    const input = filing({ action: "monitor", alertIds });
    await fileTriage(db.pool, input, APP);
    await expect(fileTriage(db.pool, { ...input, action: "dismiss" }, APP)).rejects.toThrow(ConflictError);
  });

  it("refuses alerts of another entity and alerts not in the queue, writing nothing", async () => {
    const theirs = await servedAlerts("E0000002", ["high"]);
    const mine = await servedAlerts("E0000001", ["high"]);
    const filings = () => count("select count(*) as n from risk_compliance.triage_filing");
    const before = await filings();
    const foreign = await fileTriage(db.pool, filing({ alertIds: [...mine, ...theirs] }), APP).catch(
      (e) => e,
    );
    expect(foreign).toBeInstanceOf(FieldRuleError);
    expect(foreign.message).toMatch(new RegExp(`${theirs[0]} is on E0000002, not on E0000001`));
    const unknown = await fileTriage(db.pool, filing({ alertIds: ["A9999999"] }), APP).catch((e) => e);
    expect(unknown.message).toMatch(/A9999999 is not in the Risk alert queue/);
    const noEntity = await fileTriage(db.pool, filing({ entityId: "E0000099", alertIds: mine }), APP).catch(
      (e) => e,
    );
    expect(noEntity.message).toMatch(/No entity E0000099/);
    expect(await filings()).toBe(before);
    expect((await queueAlert(mine[0]!)).status).toBe("new");
  });

  it("does not take an alert an analyst holds: the analyst's claim is a conflict naming them", async () => {
    const [held] = await servedAlerts("E0000001", ["high"]);
    const row = await queueAlert(held!);
    await alertQueue.claim(db.pool, { id: row.id, claimant: "ana.analyst@example.com" });
    const refused = await fileTriage(db.pool, filing({ alertIds: [held!] }), APP).catch((e) => e);
    expect(refused).toBeInstanceOf(ConflictError);
    expect(refused.message).toMatch(/ana\.analyst@example\.com/);
    expect(
      await count("select count(*) as n from risk_compliance.triage_filing where $1 = any(alert_ids)", [
        held,
      ]),
    ).toBe(0);
  });

  it("dismisses with the reason and the thread in the note; monitor leaves the alerts open", async () => {
    const [dismissed] = await servedAlerts("E0000002", ["low"]);
    await fileTriage(
      db.pool,
      filing({ entityId: "E0000002", action: "dismiss", alertIds: [dismissed!] }),
      APP,
    );
    const { rows } = await db.pool.query(
      "select status, resolution, resolution_note from risk_compliance.alert where source_alert_id = $1",
      [dismissed],
    );
    expect(rows[0]).toMatchObject({ status: "dismissed", resolution: "benign" });
    expect(rows[0].resolution_note).toMatch(/agent-ops thread thread-1/);
    const [watched] = await servedAlerts("E0000002", ["low"]);
    const monitored = await fileTriage(
      db.pool,
      filing({ entityId: "E0000002", action: "monitor", alertIds: [watched!] }),
      APP,
    );
    expect(monitored.caseId).toBeNull();
    expect((await queueAlert(watched!)).status).toBe("new");
    await expect(fileTriage(db.pool, filing({ action: "escalate", alertIds: [] }), APP)).rejects.toThrow(
      /Name at least one alert to escalate/,
    );
  });
});
