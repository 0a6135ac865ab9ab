import { randomUUID } from "node:crypto";
import { ConflictError, NotFoundError } from "@appbase/next-kit/errors";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertTestCustomers } from "../../testing/test-customers.ts";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database.ts";
import { teamLead } from "../../testing/viewers.ts";
import { listActivity } from "../activity/activity.ts";
import { addNote, deleteNote, editNote, listNotes } from "./notes.ts";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await insertTestCustomers(db.pool, [
    { customer_id: "C0000001" },
    { customer_id: "C0000002" },
    { customer_id: "C0000003" },
  ]);
});
afterAll(() => db.close());

describe("notes", () => {
  it("adds a note once per request id and records it in the history", async () => {
    const requestId = randomUUID();
    const first = await addNote(db.pool, {
      customerId: "C0000001",
      body: "Called, wants a demo",
      requestId,
      actor: teamLead("ann@example.com"),
    });
    const retry = await addNote(db.pool, {
      customerId: "C0000001",
      body: "Called, wants a demo",
      requestId,
      actor: teamLead("ann@example.com"),
    });
    expect(retry.id).toBe(first.id);
    expect(await listNotes(db.pool, "C0000001")).toHaveLength(1);
    const history = await listActivity(db.pool, "C0000001");
    expect(history.map((h) => h.action)).toEqual(["note.added"]);
    expect(history[0]?.actorEmail).toBe("ann@example.com");
  });

  it("refuses a note for an unknown customer", async () => {
    await expect(
      addNote(db.pool, {
        customerId: "C9999999",
        body: "x",
        requestId: randomUUID(),
        actor: teamLead("a@example.com"),
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("turns a stale edit into a conflict carrying the current note, and writes nothing", async () => {
    const note = await addNote(db.pool, {
      customerId: "C0000002",
      body: "v1",
      requestId: randomUUID(),
      actor: teamLead("ann@example.com"),
    });
    const edited = await editNote(db.pool, {
      customerId: "C0000002",
      noteId: note.id,
      body: "v2 by Bo",
      expectedVersion: 1,
      actor: teamLead("bo@example.com"),
    });
    expect(edited.version).toBe(2);
    const stale = editNote(db.pool, {
      customerId: "C0000002",
      noteId: note.id,
      body: "v2 by Ann",
      expectedVersion: 1,
      actor: teamLead("ann@example.com"),
    });
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    const error = (await stale.catch((e: unknown) => e)) as ConflictError<{ body: string; version: number }>;
    expect(error.current).toMatchObject({ body: "v2 by Bo", version: 2 });
    expect((await listNotes(db.pool, "C0000002"))[0]?.body).toBe("v2 by Bo");
    // Resolving: save again against the version the conflict reported.
    const resolved = await editNote(db.pool, {
      customerId: "C0000002",
      noteId: note.id,
      body: "merged",
      expectedVersion: 2,
      actor: teamLead("ann@example.com"),
    });
    expect(resolved).toMatchObject({ body: "merged", version: 3 });
  });

  it("only one of two concurrent edits of the same version wins", async () => {
    const note = await addNote(db.pool, {
      customerId: "C0000003",
      body: "base",
      requestId: randomUUID(),
      actor: teamLead("ann@example.com"),
    });
    const results = await Promise.allSettled([
      editNote(db.pool, {
        customerId: "C0000003",
        noteId: note.id,
        body: "from tab A",
        expectedVersion: 1,
        actor: teamLead("ann@example.com"),
      }),
      editNote(db.pool, {
        customerId: "C0000003",
        noteId: note.id,
        body: "from tab B",
        expectedVersion: 1,
        actor: teamLead("bo@example.com"),
      }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected" && r.reason instanceof ConflictError)).toHaveLength(
      1,
    );
  });

  it("deletes only the version the user saw", async () => {
    const note = await addNote(db.pool, {
      customerId: "C0000003",
      body: "to delete",
      requestId: randomUUID(),
      actor: teamLead("ann@example.com"),
    });
    await editNote(db.pool, {
      customerId: "C0000003",
      noteId: note.id,
      body: "changed",
      expectedVersion: 1,
      actor: teamLead("bo@example.com"),
    });
    await expect(
      deleteNote(db.pool, {
        customerId: "C0000003",
        noteId: note.id,
        expectedVersion: 1,
        actor: teamLead("ann@example.com"),
      }),
    ).rejects.toBeInstanceOf(ConflictError);
    await deleteNote(db.pool, {
      customerId: "C0000003",
      noteId: note.id,
      expectedVersion: 2,
      actor: teamLead("ann@example.com"),
    });
    await expect(
      deleteNote(db.pool, {
        customerId: "C0000003",
        noteId: note.id,
        expectedVersion: 2,
        actor: teamLead("ann@example.com"),
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    const actions = (await listActivity(db.pool, "C0000003")).map((a) => a.action);
    expect(actions).toContain("note.deleted");
  });
});
