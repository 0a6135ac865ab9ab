import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database.ts";
import { lexicalEmbedder } from "../policies/lexical-embedder.ts";
import { describeIntake, runIntake } from "./intake.ts";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
}, 120_000);
afterAll(async () => {
  await db?.close();
});

/** A synced gold alert as the pipeline lands it in `risk.alerts`. */
async function syncAlert(id: string, entity: string, rule: string, openedAt: string, severity = "high") {
  await db.pool.query(
    `insert into risk.alerts (alert_id, entity_id, rule_id, rule_name, severity, status, dedupe_key, score, duplicate_count, opened_at, last_seen_at)
     values ($1, $2, $3, $3 || ' rule', $4, 'open', $1, 0.8, 0, $5::timestamptz, $5::timestamptz)`,
    [id, entity, rule, severity, openedAt],
  );
}

const queue = async () =>
  (
    await db.pool.query<{ source_alert_id: string | null; duplicate_count: number; status: string }>(
      "select source_alert_id, duplicate_count, status from risk_compliance.alert order by source_alert_id",
    )
  ).rows;

describe("synced alert and policy intake", () => {
  it("raises each synced alert once across runs; a repeat signal joins its open alert", async () => {
    await syncAlert("G-1", "E-1", "R-structuring", "2026-12-01T09:00:00Z");
    await syncAlert("G-2", "E-1", "R-structuring", "2026-12-01T15:00:00Z"); // same rule, entity, day
    await syncAlert("G-3", "E-2", "R-sanctions", "2026-12-02T10:00:00Z", "critical");
    await db.pool.query(
      `insert into risk.policies (policy_id, title, category, version, owner, effective_date, body)
       values ('P-1', 'Cash structuring (EMEA)', 'aml', '1.0', 'compliance', '2026-01-01', 'Purpose. Deposits split to avoid reporting are escalated.')`,
    );

    const first = await runIntake(db.pool, lexicalEmbedder);
    if (first.skipped) throw new Error("the first run was skipped");
    expect(first.raised.map((a) => a.sourceAlertId).sort()).toEqual(["G-2", "G-3"]);
    expect(first.joined).toBe(1);
    expect(first.imported).toBe(1);
    expect(describeIntake(first)).toMatch(/2 alerts raised, 1 joined an open alert, 1 policies imported/);

    const second = await runIntake(db.pool, lexicalEmbedder);
    expect(second).toMatchObject({ skipped: false, raised: [], joined: 0, imported: 0 });
    expect(await queue()).toEqual([
      { source_alert_id: "G-2", duplicate_count: 1, status: "new" },
      { source_alert_id: "G-3", duplicate_count: 0, status: "new" },
    ]);
    const versions = await db.pool.query(
      "select policy_id, jurisdiction, is_current from risk_compliance.policy_version",
    );
    expect(versions.rows).toEqual([{ policy_id: "P-1", jurisdiction: "EMEA", is_current: true }]);
  });

  it("raises at most `limit` per run, newest first, and the rest on later runs", async () => {
    for (let i = 0; i < 3; i++)
      await syncAlert(`L-${i}`, `E-L${i}`, "R-velocity", `2026-12-0${3 + i}T08:00:00Z`);
    const run = await runIntake(db.pool, lexicalEmbedder, { limit: 2 });
    if (run.skipped) throw new Error("the run was skipped");
    expect(run.raised.map((a) => a.sourceAlertId)).toEqual(["L-2", "L-1"]);
    const next = await runIntake(db.pool, lexicalEmbedder, { limit: 2 });
    if (next.skipped) throw new Error("the run was skipped");
    expect(next.raised.map((a) => a.sourceAlertId)).toEqual(["L-0"]);
  });

  it("a synced alert whose open alert closed meanwhile is not raised again", async () => {
    await db.pool.query(
      "update risk_compliance.alert set status = 'dismissed', closed_at = now() where source_alert_id = 'G-3'",
    );
    const run = await runIntake(db.pool, lexicalEmbedder);
    expect(run).toMatchObject({ skipped: false, raised: [], joined: 0 });
  });

  // PGlite is one backend session, so an advisory lock excludes nothing there: PostgreSQL only.
  it("skips while another instance holds the intake lock", async (ctx) => {
    if (db.mode !== "server") ctx.skip("advisory locks need PostgreSQL (set DATABASE_URL)");
    const other = await db.pool.connect();
    try {
      await other.query("select pg_advisory_lock(hashtext('risk_compliance.intake'))");
      expect(await runIntake(db.pool, lexicalEmbedder)).toEqual({ skipped: true });
    } finally {
      await other.query("select pg_advisory_unlock(hashtext('risk_compliance.intake'))");
      other.release();
    }
  });

  it("two runs together raise a synced alert once", async () => {
    await syncAlert("C-1", "E-C", "R-dormant", "2026-12-06T08:00:00Z");
    const runs = await Promise.all([
      runIntake(db.pool, lexicalEmbedder),
      runIntake(db.pool, lexicalEmbedder),
    ]);
    const raised = runs.flatMap((r) => (r.skipped ? [] : r.raised.map((a) => a.sourceAlertId)));
    expect(raised).toEqual(["C-1"]);
    expect((await queue()).filter((a) => a.source_alert_id === "C-1")).toHaveLength(1);
  });
});
