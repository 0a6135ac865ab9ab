import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { createTestDatabase } from "./create-test-database.ts";

let seedRuns = 0;
const spec = {
  migrations: [
    {
      migrationsFolder: path.join(path.dirname(fileURLToPath(import.meta.url)), "__fixtures__/drizzle"),
      owner: "example_kit",
    },
  ],
  seed: async (pool: pg.Pool) => {
    seedRuns++;
    await pool.query(
      "INSERT INTO example_kit.notes (customer_id, body, idempotency_key) VALUES ('c-1', 'seeded note', 'seed-1')",
    );
  },
};

async function noteBodies(pool: pg.Pool): Promise<string[]> {
  const { rows } = await pool.query<{ body: string }>("SELECT body FROM example_kit.notes ORDER BY body");
  return rows.map((row) => row.body);
}

describe("createTestDatabase", () => {
  it("gives each call a fresh, migrated and seeded database, restored quickly", async () => {
    const first = await createTestDatabase(spec);
    try {
      expect(await noteBodies(first.pool)).toEqual(["seeded note"]);
      await first.pool.query(
        "INSERT INTO example_kit.notes (customer_id, body) VALUES ('c-2', 'written by a test')",
      );
      expect(await noteBodies(first.pool)).toEqual(["seeded note", "written by a test"]);

      const started = performance.now();
      const second = await createTestDatabase(spec);
      const restoreMs = performance.now() - started;
      try {
        console.info(
          `createTestDatabase (${second.mode}) restored a migrated snapshot in ${restoreMs.toFixed(0)} ms`,
        );
        expect(await noteBodies(second.pool)).toEqual(["seeded note"]);
        expect(second.url).not.toBe(first.url);
        // Restored, not rebuilt: the seed ran at most once (zero times when an earlier run's
        // template was found in the cache).
        expect(seedRuns).toBeLessThanOrEqual(1);
      } finally {
        await second.close();
      }
      expect(await noteBodies(first.pool)).toEqual(["seeded note", "written by a test"]);
    } finally {
      await first.close();
    }
  });

  it("removes the database on close", async () => {
    const db = await createTestDatabase(spec);
    const url = db.url;
    await db.close();
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
    // Embedded: the port is closed. Server: the database no longer exists.
    await expect(client.connect()).rejects.toThrow(/ECONNREFUSED|does not exist/);
  });
});

describe("createTestDatabase({ embedded: true })", () => {
  it("is the embedded Lakebase, with pgvector, whatever DATABASE_URL says", async () => {
    const db = await createTestDatabase(spec, { embedded: true });
    try {
      expect(db.mode).toBe("embedded");
      await db.pool.query("CREATE EXTENSION IF NOT EXISTS vector");
      const { rows } = await db.pool.query<{ d: number }>("SELECT '[1,2]'::vector <-> '[1,3]'::vector AS d");
      expect(rows[0]?.d).toBe(1);
    } finally {
      await db.close();
    }
  });
});
