import { randomUUID } from "node:crypto";
import { ConflictError } from "@appbase/next-kit/errors";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertTestCustomers } from "../../testing/test-customers.ts";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database.ts";
import { teamLead } from "../../testing/viewers.ts";
import { completeTask, createTask, listTasks } from "./tasks.ts";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await insertTestCustomers(db.pool, [{ customer_id: "C0000001" }]);
});
afterAll(() => db.close());

const task = (title: string, dueDate: string, requestId = randomUUID()) =>
  createTask(db.pool, {
    customerId: "C0000001",
    title,
    assigneeEmail: "rita@example.com",
    dueDate,
    requestId,
    actor: teamLead("olga@example.com"),
  });

describe("follow-up tasks", () => {
  it("creates a task once per request id, with its due date as a calendar day", async () => {
    const requestId = randomUUID();
    const first = await task("Call back about billing", "2026-03-09", requestId);
    expect(first).toMatchObject({
      customerId: "C0000001",
      title: "Call back about billing",
      dueDate: "2026-03-09",
      state: "open",
      version: 1,
      completedAt: null,
    });
    expect("requestId" in first).toBe(false);
    expect(await task("Call back about billing", "2026-03-09", requestId)).toEqual(first);
  });

  it("lists open tasks by due date before done ones", async () => {
    const later = await task("Send the contract", "2026-04-01");
    await task("Check the invoice", "2026-03-01");
    await completeTask(db.pool, {
      customerId: "C0000001",
      taskId: later.id,
      expectedVersion: 1,
      actor: teamLead("rita@example.com"),
    });
    const titles = (await listTasks(db.pool, "C0000001")).map((t) => [t.title, t.state]);
    expect(titles).toEqual([
      ["Check the invoice", "open"],
      ["Call back about billing", "open"],
      ["Send the contract", "done"],
    ]);
  });

  it("refuses to complete a task at a stale version, carrying the task as it is now", async () => {
    const open = await task("Renewal reminder", "2026-05-01");
    const done = await completeTask(db.pool, {
      customerId: "C0000001",
      taskId: open.id,
      expectedVersion: 1,
      actor: teamLead("rita@example.com"),
    });
    expect(done).toMatchObject({ state: "done", version: 2, completedAt: expect.any(Date) });
    const stale = completeTask(db.pool, {
      customerId: "C0000001",
      taskId: open.id,
      expectedVersion: 1,
      actor: teamLead("rita@example.com"),
    });
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
  });
});
