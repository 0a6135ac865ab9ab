import { LOCAL_IDENTITY_COOKIE } from "@appbase/bindings";
import { useKitTestPool } from "@appbase/next-kit/db";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { raiseSyncedAlerts } from "../../../../domain/alerts/intake.ts";
import { addEntities, createTestDatabase, type TestDatabase } from "../../../../testing/test-database.ts";

vi.mock("server-only", () => ({}));

let db: TestDatabase;
let POST: (request: Request) => Promise<Response>;
beforeAll(async () => {
  db = await createTestDatabase();
  useKitTestPool("risk-compliance", db.pool);
  await addEntities(db, ["E0000001"]);
  await db.pool.query(
    `insert into risk.alerts (alert_id, entity_id, rule_id, rule_name, severity, status, dedupe_key, score, duplicate_count, opened_at, last_seen_at)
     values ('A0000001', 'E0000001', 'TM-004', 'Rapid movement of funds', 'high', 'open', 'A0000001', 0.8, 0, now(), now())`,
  );
  await raiseSyncedAlerts(db.pool);
  ({ POST } = await import("./route.ts"));
}, 120_000);
afterAll(() => db?.close());

const body = {
  idempotencyKey: "thread-7:call_triage_E0000001",
  sourceKit: "agent-ops",
  threadId: "thread-7",
  entityId: "E0000001",
  action: "escalate",
  alertIds: ["A0000001"],
  reason: "High risk with a severe open alert",
};
const post = (as: string, payload: unknown = body) =>
  POST(
    new Request("http://risk.test/api/intake/triage", {
      method: "POST",
      headers: { "content-type": "application/json", cookie: `${LOCAL_IDENTITY_COOKIE}=${as}` },
      body: JSON.stringify(payload),
    }),
  );

describe("POST /api/intake/triage", () => {
  it("refuses people: an analyst does not hold case.intake, and nothing is filed", async () => {
    const response = await post("ana");
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ ok: false, error: { permission: "case.intake" } });
    const { rows } = await db.pool.query("select count(*)::int as n from risk_compliance.triage_filing");
    expect(rows[0].n).toBe(0);
  });

  it("files as Agent Ops' app, once: the retry answers the same case", async () => {
    const first = await post("agent-ops-app");
    expect(first.status).toBe(200);
    const filed = (await first.json()).data;
    expect(filed).toMatchObject({
      action: "escalate",
      replayed: false,
      caseLabel: expect.stringMatching(/^CASE-/),
    });
    const again = (await (await post("agent-ops-app")).json()).data;
    expect(again).toMatchObject({ caseId: filed.caseId, replayed: true });
  });

  it("answers hostile or unbounded input with field errors", async () => {
    const response = await post("agent-ops-app", {
      ...body,
      threadId: "../../admin",
      reason: "x".repeat(501),
      alertIds: ["A0000001\u0000"],
    });
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(Object.keys(error.fieldErrors).sort()).toEqual(["alertIds", "reason", "threadId"]);
  });
});
