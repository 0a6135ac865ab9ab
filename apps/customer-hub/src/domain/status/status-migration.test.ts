import { FieldRuleError } from "@appbase/next-kit/errors";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertTestCustomers } from "../../testing/test-customers.ts";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database.ts";
import { accountManager, teamLead } from "../../testing/viewers.ts";
import { listActivity } from "../activity/activity.ts";
import { getWorkflow, moveStatus } from "./move-status.ts";
import { planStatusMigration, runStatusMigration } from "./status-migration.ts";

let db: TestDatabase;
const lead = teamLead();
beforeAll(async () => {
  db = await createTestDatabase();
  await insertTestCustomers(db.pool, [
    { customer_id: "C0000001", segment: "small_business", churn_risk_band: "high" },
    { customer_id: "C0000002", segment: "small_business", churn_risk_band: "low" },
    { customer_id: "C0000003", segment: "vip", churn_risk_band: "high" },
    { customer_id: "C0000004", segment: "small_business", churn_risk_band: "high" },
    { customer_id: "C0000005", segment: "small_business", account_manager_email: "ann.manager@example.com" },
  ]);
  // C0000004 was already contacted: not `new`, so not in a new → contacted migration.
  await moveStatus(db.pool, { customerId: "C0000004", to: "contacted", expectedVersion: 0, actor: lead });
});
afterAll(() => db.close());

describe("status migrations", () => {
  it("plans the customers in the from status matching segment and churn band, at their versions", async () => {
    const plan = await planStatusMigration(db.pool, lead, {
      from: "new",
      to: "contacted",
      segment: "small_business",
    });
    expect(plan.targets).toEqual([
      { customerId: "C0000001", version: 0 },
      { customerId: "C0000002", version: 0 },
      { customerId: "C0000005", version: 0 },
    ]);
    const high = await planStatusMigration(db.pool, lead, {
      from: "new",
      to: "churned",
      churnRiskBand: "high",
    });
    expect(high.targets.map((t) => t.customerId)).toEqual(["C0000001", "C0000003"]);
    const contacted = await planStatusMigration(db.pool, lead, { from: "contacted", to: "engaged" });
    expect(contacted.targets).toEqual([{ customerId: "C0000004", version: 1 }]);
  });

  it("refuses an illegal move on `to` and an empty selection on `from`", async () => {
    const illegal = planStatusMigration(db.pool, lead, { from: "new", to: "retained" });
    await expect(illegal).rejects.toBeInstanceOf(FieldRuleError);
    await expect(illegal).rejects.toMatchObject({ field: "to" });
    await expect(
      planStatusMigration(db.pool, lead, { from: "retained", to: "churned" }),
    ).rejects.toMatchObject({ field: "from" });
  });

  it("an account manager's migration covers only the customers assigned to them", async () => {
    const plan = await planStatusMigration(db.pool, accountManager(), { from: "new", to: "contacted" });
    expect(plan.targets.map((t) => t.customerId)).toEqual(["C0000005"]);
  });

  it("moves the planned customers once, logs each move, and reports those changed since as conflicts", async () => {
    const plan = await planStatusMigration(db.pool, lead, {
      from: "new",
      to: "contacted",
      segment: "small_business",
      note: "Q4 outreach",
    });
    // Someone moves C0000002 by hand after the preview was planned.
    await moveStatus(db.pool, { customerId: "C0000002", to: "churned", expectedVersion: 0, actor: lead });

    const [first, again] = await Promise.all([
      runStatusMigration(db.pool, lead, plan),
      runStatusMigration(db.pool, lead, plan),
    ]);
    // Two applies of one plan at once: each customer moves exactly once.
    expect([...first.moved, ...again.moved].sort()).toEqual(["C0000001", "C0000005"]);
    expect(first.conflicts.map((c) => c.customerId)).toContain("C0000002");
    expect(await getWorkflow(db.pool, "C0000002")).toMatchObject({ status: "churned" });
    expect(await getWorkflow(db.pool, "C0000001")).toMatchObject({ status: "contacted", version: 1 });
    const history = await listActivity(db.pool, "C0000001");
    expect(history).toHaveLength(1);
    expect(history[0]?.detail).toMatchObject({
      from: "new",
      to: "contacted",
      migration: true,
      note: "Q4 outreach",
    });

    // A plan over a moved customer (version 1) applies only while it is still at that version.
    const onward = await planStatusMigration(db.pool, lead, {
      from: "contacted",
      to: "engaged",
      segment: "small_business",
    });
    expect(onward.targets.map((t) => t.customerId)).toEqual(["C0000001", "C0000004", "C0000005"]);
    await moveStatus(db.pool, { customerId: "C0000004", to: "churned", expectedVersion: 1, actor: lead });
    const outcome = await runStatusMigration(db.pool, lead, onward);
    expect(outcome.moved).toEqual(["C0000001", "C0000005"]);
    expect(outcome.conflicts).toEqual([
      {
        customerId: "C0000004",
        reason: "its status changed since the preview (it was contacted at version 1)",
      },
    ]);
  });
});
