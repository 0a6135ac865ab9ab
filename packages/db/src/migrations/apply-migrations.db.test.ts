import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../testing/create-test-database.ts";
import { applyMigrations } from "./apply-migrations.ts";

const FIXTURE = path.join(path.dirname(fileURLToPath(import.meta.url)), "../testing/__fixtures__/drizzle");
const source = { migrationsFolder: FIXTURE, owner: "example_kit" };

let db: TestDatabase;

beforeEach(async () => {
  db = await createTestDatabase({ migrations: [] });
});

afterEach(async () => {
  await db?.close();
});

async function tables(pool: pg.Pool): Promise<string[]> {
  const { rows } = await pool.query<{ name: string }>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'example_kit' ORDER BY 1",
  );
  return rows.map((row) => row.name);
}

/** Runs `test` on a copy of the fixture migrations whose journal it may edit (`save` writes it back); removes the copy after. */
async function onFixtureCopy(
  test: (copy: { folder: string; journal: JournalFile; save: () => Promise<void> }) => Promise<void>,
): Promise<void> {
  const folder = await mkdtemp(path.join(tmpdir(), "appbase-migrations-"));
  try {
    await cp(FIXTURE, folder, { recursive: true });
    const journalFile = path.join(folder, "meta/_journal.json");
    const journal = JSON.parse(await readFile(journalFile, "utf8")) as JournalFile;
    await test({ folder, journal, save: () => writeFile(journalFile, JSON.stringify(journal)) });
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

interface JournalFile {
  entries: { idx: number; when: number; tag: string }[];
}

describe("applyMigrations", () => {
  it("applies drizzle-kit output once and records it per owner", async () => {
    expect(await applyMigrations(db.pool, source)).toEqual({ applied: 2 });
    expect(await tables(db.pool)).toEqual(["note_tags", "notes"]);
    const journal = await db.pool.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM appbase_migrations.example_kit",
    );
    expect(journal.rows[0]?.n).toBe(2);
    expect(await applyMigrations(db.pool, source)).toEqual({ applied: 0 });
  });

  it("lets one of two processes migrate while the other waits and finds nothing to do", async () => {
    // Two pools stand for two app processes starting at once (separate connections, and on
    // PostgreSQL separate sessions).
    const other = new pg.Pool({ connectionString: db.url, max: 2 });
    try {
      const results = await Promise.all([applyMigrations(db.pool, source), applyMigrations(other, source)]);
      expect(results.map((result) => result.applied).sort()).toEqual([0, 2]);
      expect(await tables(db.pool)).toEqual(["note_tags", "notes"]);
    } finally {
      await other.end();
    }
  });

  it("applies only the new migration when one is added later", async () => {
    await onFixtureCopy(async ({ folder, journal, save }) => {
      const [latest] = journal.entries.slice(-1);
      journal.entries = journal.entries.slice(0, -1);
      await save();
      expect(await applyMigrations(db.pool, { ...source, migrationsFolder: folder })).toEqual({ applied: 1 });
      journal.entries.push(latest!);
      await save();
      expect(await applyMigrations(db.pool, { ...source, migrationsFolder: folder })).toEqual({ applied: 1 });
      expect(await tables(db.pool)).toEqual(["note_tags", "notes"]);
    });
  });

  it("rolls back everything when a migration fails, and names the owner and the migration", async () => {
    await onFixtureCopy(async ({ folder, journal, save }) => {
      const last = journal.entries.at(-1)!;
      journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1, tag: "0002_broken" });
      await save();
      await writeFile(path.join(folder, "0002_broken.sql"), "ALTER TABLE example_kit.nope ADD COLUMN x int;");
      await expect(applyMigrations(db.pool, { ...source, migrationsFolder: folder })).rejects.toThrow(
        /Migration 0002_broken of example_kit failed, nothing was applied: .*nope/,
      );
      expect(await tables(db.pool)).toEqual([]);
    });
  });

  it("refuses a migration dated before its predecessor, which drizzle would skip without a word", async () => {
    await onFixtureCopy(async ({ folder, journal, save }) => {
      const [first, second] = journal.entries;
      journal.entries = [first!, { ...second!, when: first!.when - 1 }];
      await save();
      await expect(applyMigrations(db.pool, { ...source, migrationsFolder: folder })).rejects.toThrow(
        `Migration ${second!.tag} of example_kit failed, nothing was applied: its time in meta/_journal.json`,
      );
      expect(await tables(db.pool)).toEqual([]);
    });
  });

  it("names a missing migrations folder and a bad owner", async () => {
    await expect(
      applyMigrations(db.pool, { migrationsFolder: "/nowhere", owner: "example_kit" }),
    ).rejects.toThrow(
      "No drizzle-kit migrations for example_kit in /nowhere (meta/_journal.json is missing)",
    );
    await expect(
      applyMigrations(db.pool, { migrationsFolder: FIXTURE, owner: "Customer-Hub" }),
    ).rejects.toThrow("owner must be a lower-case Postgres identifier");
  });
});
