import path from "node:path";
import { fileURLToPath } from "node:url";
import { and, eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectOneRow, nextVersion, VersionConflictError } from "./columns.ts";
import { notes } from "./testing/__fixtures__/example-schema/index.ts";
import { createTestDatabase, type TestDatabase } from "./testing/create-test-database.ts";

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase({
    migrations: [
      {
        migrationsFolder: path.join(
          path.dirname(fileURLToPath(import.meta.url)),
          "testing/__fixtures__/drizzle",
        ),
        owner: "example_kit",
      },
    ],
  });
});

afterAll(async () => {
  await db?.close();
});

describe("column helpers", () => {
  it("give a row an id, version 1 and timestamps from Postgres", async () => {
    const orm = drizzle({ client: db.pool });
    const [row] = await orm.insert(notes).values({ customerId: "c-1", body: "first" }).returning();
    expect(row).toMatchObject({ customerId: "c-1", version: 1, idempotencyKey: null });
    expect(row!.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(row!.createdAt).toBeInstanceOf(Date);
  });

  it("detect a concurrent edit through the version column", async () => {
    const orm = drizzle({ client: db.pool });
    const [created] = await orm.insert(notes).values({ customerId: "c-2", body: "draft" }).returning();
    const update = (body: string, expected: number) =>
      orm
        .update(notes)
        .set({ body, version: nextVersion(notes.version) })
        .where(and(eq(notes.id, created!.id), eq(notes.version, expected)))
        .returning();

    const saved = expectOneRow(await update("edited by Ana", 1), "Note", 1);
    expect(saved).toMatchObject({ body: "edited by Ana", version: 2 });
    expect(saved.updatedAt.getTime()).toBeGreaterThanOrEqual(created!.updatedAt.getTime());

    // Ben still holds version 1: his write must not overwrite Ana's.
    const stale = await update("edited by Ben", 1);
    expect(() => expectOneRow(stale, "Note", 1)).toThrow(VersionConflictError);
    expect(() => expectOneRow(stale, "Note", 1)).toThrow(
      "Note was changed by someone else (expected version 1); reload it and try again.",
    );
    const [current] = await orm.select().from(notes).where(eq(notes.id, created!.id));
    expect(current).toMatchObject({ body: "edited by Ana", version: 2 });
  });

  it("make a retried write with the same idempotency key land once", async () => {
    const orm = drizzle({ client: db.pool });
    const write = () =>
      orm
        .insert(notes)
        .values({ customerId: "c-3", body: "once", idempotencyKey: "req-42" })
        .onConflictDoNothing({ target: notes.idempotencyKey })
        .returning();
    expect(await write()).toHaveLength(1);
    expect(await write()).toHaveLength(0);
    const rows = await orm.select().from(notes).where(eq(notes.idempotencyKey, "req-42"));
    expect(rows).toHaveLength(1);
  });
});
