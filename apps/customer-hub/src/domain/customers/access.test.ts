import { randomUUID } from "node:crypto";
import type { ResolvedColumnRule } from "@appbase/grants";
import { NotFoundError } from "@appbase/next-kit/errors";
import { parseTableParams } from "@appbase/ui/data-table";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertTestCustomers } from "../../testing/test-customers.ts";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database.ts";
import { accountManager, teamLead } from "../../testing/viewers.ts";
import { listActivity } from "../activity/activity.ts";
import { churnRiskDistribution, segmentMix, statusFunnel } from "../insights/insights.ts";
import { addNote, deleteNote, editNote, listNotes } from "../notes/notes.ts";
import { getWorkflow, moveStatus } from "../status/move-status.ts";
import { completeTask, createTask, listTasks } from "../tasks/tasks.ts";
import { customerAccess } from "./access.ts";
import { customerTableSpec } from "./customer-table-spec.ts";
import { getCustomer } from "./get-customer.ts";
import { listCustomers } from "./list-customers.ts";

// The `assigned-customers` row rule on every read and write, and every child change checked
// against the customer it names.
const ann = accountManager("ann.manager@example.com");
const ben = accountManager("ben.manager@example.com");
const lead = teamLead();
const unmasked: Record<string, ResolvedColumnRule> = {};
const params = (query: Record<string, string> = {}) => parseTableParams(query, customerTableSpec);

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await insertTestCustomers(db.pool, [
    { customer_id: "C0000001", full_name: "Ada Assigned", segment: "vip", account_manager_email: ann.email },
    {
      customer_id: "C0000002",
      full_name: "Alan Assigned",
      segment: "premium",
      account_manager_email: ann.email,
    },
    { customer_id: "C0000003", full_name: "Bea Others", segment: "vip", account_manager_email: ben.email },
    { customer_id: "C0000004", full_name: "Cy Unassigned", segment: "value", churn_risk_band: "high" },
  ]);
});
afterAll(() => db.close());

const note = (customerId: string, actor = lead) =>
  addNote(db.pool, { customerId, body: `note on ${customerId}`, requestId: randomUUID(), actor });
const task = (customerId: string, actor = lead) =>
  createTask(db.pool, {
    customerId,
    title: `call ${customerId}`,
    assigneeEmail: actor.email,
    dueDate: "2026-06-01",
    requestId: randomUUID(),
    actor,
  });

describe("an account manager reads only the customers assigned to them", () => {
  it("list, count and search cover only their customers", async () => {
    const page = await listCustomers(db.pool, ann, params(), unmasked);
    expect(page.rows.map((r) => r.customerId).sort()).toEqual(["C0000001", "C0000002"]);
    expect(page.total).toBe(2);
    expect((await listCustomers(db.pool, ann, params({ q: "C0000003" }), unmasked)).total).toBe(0);
    expect((await listCustomers(db.pool, ann, params({ q: "bea" }), unmasked)).total).toBe(0);
    expect((await listCustomers(db.pool, ann, params({ q: "ada" }), unmasked)).total).toBe(1);
    expect((await listCustomers(db.pool, ann, params({ segment: "vip" }), unmasked)).total).toBe(1);
    expect((await listCustomers(db.pool, lead, params(), unmasked)).total).toBe(4);
  });

  it("detail of another's customer reads the same as an id that does not exist", async () => {
    expect(await getCustomer(db.pool, ann, "C0000001", unmasked)).toMatchObject({ customerId: "C0000001" });
    expect(await getCustomer(db.pool, ann, "C0000003", unmasked)).toBeUndefined();
    expect(await customerAccess(db.pool, ann, "C0000001")).toBe("visible");
    expect(await customerAccess(db.pool, ann, "C0000003")).toBe("hidden");
    expect(await customerAccess(db.pool, ann, "C0000004")).toBe("hidden");
    expect(await customerAccess(db.pool, ann, "C9999999")).toBe("hidden");
    expect(await customerAccess(db.pool, lead, "C0000003")).toBe("visible");
    expect(await customerAccess(db.pool, lead, "C9999999")).toBe("absent");
  });

  it("charts count only their customers", async () => {
    const segments = await segmentMix(db.pool, ann);
    expect(segments.sort((a, b) => a.label.localeCompare(b.label))).toEqual([
      { label: "premium", count: 1 },
      { label: "vip", count: 1 },
    ]);
    expect(await churnRiskDistribution(db.pool, ann)).toEqual([{ label: "low", count: 2 }]);
    await moveStatus(db.pool, { customerId: "C0000003", to: "contacted", expectedVersion: 0, actor: lead });
    const funnel = await statusFunnel(db.pool, ann);
    expect(funnel.steps.map((s) => [s.label, s.count])).toEqual([
      ["new", 2],
      ["contacted", 0],
      ["engaged", 0],
      ["retained", 0],
    ]);
    expect((await statusFunnel(db.pool, lead)).steps[1]).toEqual({ label: "contacted", count: 1 });
  });
});

describe("an account manager changes only the customers assigned to them", () => {
  it("adds notes and tasks and moves status on their customer", async () => {
    await note("C0000001", ann);
    const open = await task("C0000001", ann);
    await completeTask(db.pool, { customerId: "C0000001", taskId: open.id, expectedVersion: 1, actor: ann });
    await moveStatus(db.pool, { customerId: "C0000001", to: "contacted", expectedVersion: 0, actor: ann });
    expect(await listNotes(db.pool, "C0000001")).toHaveLength(1);
  });

  it("is refused every change on someone else's or an unassigned customer, and nothing is written", async () => {
    const theirNote = await note("C0000003");
    const theirTask = await task("C0000003");
    const refused = [
      () => note("C0000003", ann),
      () => note("C0000004", ann),
      () => task("C0000003", ann),
      () =>
        editNote(db.pool, {
          customerId: "C0000003",
          noteId: theirNote.id,
          body: "x",
          expectedVersion: 1,
          actor: ann,
        }),
      () =>
        deleteNote(db.pool, { customerId: "C0000003", noteId: theirNote.id, expectedVersion: 1, actor: ann }),
      () =>
        completeTask(db.pool, {
          customerId: "C0000003",
          taskId: theirTask.id,
          expectedVersion: 1,
          actor: ann,
        }),
      () => moveStatus(db.pool, { customerId: "C0000004", to: "contacted", expectedVersion: 0, actor: ann }),
    ];
    // One at a time: attempts started together could reject before anyone awaits them.
    for (const attempt of refused) {
      const error = await attempt().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NotFoundError);
      // The refusal names nothing of the customer beyond the id the caller sent.
      expect((error as Error).message).not.toMatch(/Bea|ben\.manager|note on/);
    }
    expect((await listNotes(db.pool, "C0000003")).map((n) => n.body)).toEqual(["note on C0000003"]);
    expect((await listTasks(db.pool, "C0000003")).map((t) => t.state)).toEqual(["open"]);
    expect((await getWorkflow(db.pool, "C0000004")).version).toBe(0);
    expect((await listActivity(db.pool, "C0000004")).length).toBe(0);
  });
});

describe("a change to a note or task checks it belongs to the customer named", () => {
  it("refuses editing, deleting or completing a child of customer A through customer B", async () => {
    const aNote = await note("C0000001");
    const aTask = await task("C0000001");
    const throughB = [
      () =>
        editNote(db.pool, {
          customerId: "C0000002",
          noteId: aNote.id,
          body: "via B",
          expectedVersion: 1,
          actor: ann,
        }),
      () => deleteNote(db.pool, { customerId: "C0000002", noteId: aNote.id, expectedVersion: 1, actor: ann }),
      () =>
        completeTask(db.pool, { customerId: "C0000002", taskId: aTask.id, expectedVersion: 1, actor: ann }),
      // A team lead sees both customers; the child check holds for them too.
      () =>
        editNote(db.pool, {
          customerId: "C0000003",
          noteId: aNote.id,
          body: "via C",
          expectedVersion: 1,
          actor: lead,
        }),
    ];
    for (const attempt of throughB) await expect(attempt()).rejects.toBeInstanceOf(NotFoundError);
    const notes = await listNotes(db.pool, "C0000001");
    expect(notes.find((n) => n.id === aNote.id)).toMatchObject({ body: "note on C0000001", version: 1 });
    expect((await listTasks(db.pool, "C0000001")).find((t) => t.id === aTask.id)?.state).toBe("open");
    expect((await listActivity(db.pool, "C0000002")).map((a) => a.action)).toEqual([]);
  });

  it("a retried request id of customer A does not return A's task through customer B", async () => {
    const requestId = randomUUID();
    const input = { title: "t", assigneeEmail: ann.email, dueDate: "2026-06-01", requestId, actor: ann };
    await createTask(db.pool, { ...input, customerId: "C0000001" });
    await expect(createTask(db.pool, { ...input, customerId: "C0000002" })).rejects.toThrow(/request id/);
  });
});
