import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadDatasets } from "@appbase/datasets";
import { openLocalLakehouse } from "@appbase/lakehouse/local";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAudit } from "./domain/audit/verify-audit.ts";
import { seedKit } from "./seed.ts";
import { createTestDatabase, type TestDatabase } from "./testing/test-database.ts";

let db: TestDatabase;
let summary: string;
const lakehouseDir = mkdtempSync(path.join(tmpdir(), "risk-seed-lakehouse-"));
beforeAll(async () => {
  db = await createTestDatabase();
  await loadDatasets(db.pool, { seed: 42, scale: "tiny", epoch: "2026-12-01T00:00:00Z" });
  ({ summary } = await seedKit({
    pool: db.pool,
    scale: "tiny",
    seed: 42,
    lakehouseDir,
    log: () => {},
  }));
}, 300_000);
afterAll(async () => {
  await db?.close();
  rmSync(lakehouseDir, { recursive: true, force: true });
});

const count = async (sql: string) => (await db.pool.query<{ n: number }>(sql)).rows[0]!.n;

describe("seed", () => {
  it("shows every queue state", async () => {
    expect(summary).toMatch(/alerts raised/);
    expect(
      await count("select count(*)::int as n from risk_compliance.alert where status = 'claimed'"),
    ).toBeGreaterThanOrEqual(2);
    expect(
      await count(
        "select count(*)::int as n from risk_compliance.alert where snoozed_until > now() and snooze_reason is not null",
      ),
    ).toBe(1);
    expect(
      await count(
        "select count(*)::int as n from risk_compliance.alert where status in ('new','claimed') and due_at < now()",
      ),
    ).toBeGreaterThanOrEqual(2);
    expect(await count("select count(*)::int as n from risk_compliance.alert where status = 'merged'")).toBe(
      2,
    );
    expect(
      await count("select count(*)::int as n from risk_compliance.alert where status = 'escalated'"),
    ).toBe(6);
  });

  it("shows every case state and disposition, with audit chains that verify", async () => {
    const { rows } = await db.pool.query(
      "select status, disposition, reopen_count from risk_compliance.risk_case",
    );
    expect(
      rows
        .filter((r) => r.status === "closed")
        .map((r) => r.disposition)
        .sort(),
    ).toEqual(["escalated", "false_positive", "no_action"]);
    expect(rows.filter((r) => r.reopen_count === 1)).toHaveLength(1);
    expect(rows.filter((r) => r.status === "pending_review")).toHaveLength(1);
    expect((await verifyAudit(db.pool)).ok).toBe(true);
    // Every closing and the reopen are governed decisions: Lakebase serves what silver holds.
    expect(
      await count(
        "select count(*)::int as n from risk_compliance.case_decision where state = 'closed' and version = 1",
      ),
    ).toBe(3);
    expect(
      await count(
        "select count(*)::int as n from risk_compliance.case_decision where state = 'reopened' and version = 2",
      ),
    ).toBe(1);
    const lakehouse = await openLocalLakehouse({ directory: lakehouseDir });
    try {
      expect(await lakehouse.read("appbase.risk_compliance.case_decision_events")).toHaveLength(5);
    } finally {
      await lakehouse.close();
    }
    // The reopened case was closed as confirmed risk before: its audit says so.
    expect(
      await count(
        "select count(*)::int as n from risk_compliance.audit_event where field = 'disposition' and new_value = '\"confirmed_risk\"'",
      ),
    ).toBe(1);
  });

  it("holds several versions of a policy, one current, and does nothing when run again", async () => {
    expect(
      await count(
        "select count(*)::int as n from (select policy_id from risk_compliance.policy_version group by 1 having count(*) > 1) s",
      ),
    ).toBe(2);
    expect(
      await count(
        "select count(*)::int as n from (select policy_id from risk_compliance.policy_version where is_current group by 1 having count(*) > 1) s",
      ),
    ).toBe(0);
    const again = await seedKit({
      pool: db.pool,
      scale: "tiny",
      seed: 42,
      lakehouseDir,
      log: () => {},
    });
    expect(again.summary).toMatch(/nothing added/);
  });
});
