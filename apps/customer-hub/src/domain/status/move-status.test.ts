import { ConflictError, FieldRuleError } from "@appbase/next-kit/errors";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertTestCustomers } from "../../testing/test-customers.ts";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database.ts";
import { teamLead } from "../../testing/viewers.ts";
import { listActivity } from "../activity/activity.ts";
import { getWorkflow, moveStatus } from "./move-status.ts";
import { TRANSITIONS, WORKFLOW_STATUSES } from "./workflow.ts";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await insertTestCustomers(db.pool, [
    { customer_id: "C0000010" },
    { customer_id: "C0000011" },
    { customer_id: "C0000012" },
  ]);
});
afterAll(() => db.close());

describe("status workflow", () => {
  it("every status can reach churned or be won back, and nothing moves to itself", () => {
    for (const status of WORKFLOW_STATUSES) {
      expect(TRANSITIONS[status]).not.toContain(status);
      expect(status === "churned" || TRANSITIONS[status].includes("churned")).toBe(true);
    }
  });

  it("moves new → contacted → engaged and records each move", async () => {
    expect(await getWorkflow(db.pool, "C0000010")).toMatchObject({ status: "new", version: 0 });
    const contacted = await moveStatus(db.pool, {
      customerId: "C0000010",
      to: "contacted",
      expectedVersion: 0,
      actor: teamLead("ann@example.com"),
    });
    expect(contacted).toMatchObject({ status: "contacted", version: 1 });
    await moveStatus(db.pool, {
      customerId: "C0000010",
      to: "engaged",
      expectedVersion: 1,
      actor: teamLead("bo@example.com"),
    });
    const history = await listActivity(db.pool, "C0000010");
    expect(history.map((h) => [h.action, h.detail.from, h.detail.to, h.actorEmail])).toEqual([
      ["status.changed", "contacted", "engaged", "bo@example.com"],
      ["status.changed", "new", "contacted", "ann@example.com"],
    ]);
  });

  it("refuses an illegal transition on the status field and writes nothing", async () => {
    const attempt = moveStatus(db.pool, {
      customerId: "C0000011",
      to: "retained",
      expectedVersion: 0,
      actor: teamLead("ann@example.com"),
    });
    await expect(attempt).rejects.toBeInstanceOf(FieldRuleError);
    await expect(attempt).rejects.toMatchObject({ field: "status" });
    expect(await getWorkflow(db.pool, "C0000011")).toMatchObject({ status: "new", version: 0 });
    expect(await listActivity(db.pool, "C0000011")).toEqual([]);
  });

  it("two first moves of the same customer: one wins, the other gets a conflict", async () => {
    const results = await Promise.allSettled([
      moveStatus(db.pool, {
        customerId: "C0000012",
        to: "contacted",
        expectedVersion: 0,
        actor: teamLead("ann@example.com"),
      }),
      moveStatus(db.pool, {
        customerId: "C0000012",
        to: "churned",
        expectedVersion: 0,
        actor: teamLead("bo@example.com"),
      }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected" && r.reason instanceof ConflictError)).toHaveLength(
      1,
    );
    expect(await listActivity(db.pool, "C0000012")).toHaveLength(1);
  });
});
