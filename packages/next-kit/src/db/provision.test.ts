import { existsSync } from "node:fs";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createTestDatabase, type TestDatabase } from "@appbase/db/testing";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHealthRoute } from "../health/health-route.ts";
import { createKitProvisioning, kitMigrationSources, kitProvisioning } from "./provision.ts";

const FIXTURE = path.join(path.dirname(fileURLToPath(import.meta.url)), "__fixtures__/drizzle");
const source = { owner: "provision_kit", migrationsFolder: FIXTURE };
const quiet = { info: () => {}, error: () => {} };

let db: TestDatabase;
beforeEach(async () => {
  db = await createTestDatabase({ migrations: [] });
});
afterEach(async () => {
  await db?.close();
});

async function tables(): Promise<string[]> {
  const { rows } = await db.pool.query<{ name: string }>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'provision_kit' ORDER BY 1",
  );
  return rows.map((row) => row.name);
}

/** A copy of the fixture with a third migration that fails. */
async function withBrokenMigration(): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), "appbase-provision-"));
  await cp(FIXTURE, folder, { recursive: true });
  const journalFile = path.join(folder, "meta/_journal.json");
  const journal = JSON.parse(await readFile(journalFile, "utf8"));
  const last = journal.entries.at(-1);
  journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1, tag: "0002_broken" });
  await writeFile(journalFile, JSON.stringify(journal));
  await writeFile(path.join(folder, "0002_broken.sql"), "ALTER TABLE provision_kit.nope ADD COLUMN x int;");
  return folder;
}

describe("a kit provisions its own schema on start", () => {
  it("two instances starting together apply the migrations once and both become ready", async () => {
    // Two pools stand for two app instances (on PostgreSQL, separate sessions racing for the lock).
    const other = new pg.Pool({ connectionString: db.url, max: 2 });
    try {
      const instances = [db.pool, other].map((pool) =>
        createKitProvisioning({ kit: "k", sources: [source], pool: async () => pool, logger: quiet }),
      );
      await Promise.all(instances.map((instance) => instance.ensure()));
      const states = instances.map((instance) => instance.state());
      expect(states.map((s) => (s.state === "ready" ? s.applied : -1)).sort()).toEqual([0, 2]);
      expect(await tables()).toEqual(["item_tags", "items"]);
      const journal = await db.pool.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM appbase_migrations.provision_kit",
      );
      expect(journal.rows[0]?.n).toBe(2);
    } finally {
      await other.end();
    }
  });

  it("in one process, every server of a kit shares one provisioning (Next instantiates the kit twice)", async () => {
    let asked = 0;
    const pool = async () => {
      asked += 1;
      return db.pool;
    };
    const [routes, instrumentation] = [1, 2].map(() =>
      kitProvisioning({ kit: "shared-kit", sources: [source], pool, logger: quiet }),
    );
    expect(instrumentation).toBe(routes);
    await Promise.all([routes!.ensure(), instrumentation!.ensure()]);
    expect(asked).toBe(1);
    expect(kitProvisioning({ kit: "another-kit", sources: [source], pool, logger: quiet })).not.toBe(routes);
  });

  it("a failed migration stops startup naming it, and health says not ready with that reason", async () => {
    const folder = await withBrokenMigration();
    try {
      const errors: string[] = [];
      const provisioning = createKitProvisioning({
        kit: "k",
        sources: [{ ...source, migrationsFolder: folder }],
        pool: async () => db.pool,
        logger: { info: () => {}, error: (line: string) => void errors.push(line) },
      });
      await expect(provisioning.ensure()).rejects.toThrow(/Migration 0002_broken of provision_kit failed/);
      expect(provisioning.state()).toMatchObject({
        state: "failed",
        reason: expect.stringContaining("0002_broken"),
      });
      expect(errors).toEqual([expect.stringMatching(/^\[k\] startup stopped: Migration 0002_broken/)]);
      expect(await tables()).toEqual([]); // all or nothing
      const health = await createHealthRoute({
        kit: "k",
        version: "1",
        mode: () => "postgres",
        pingDatabase: async () => {},
        schemaReady: () => provisioning.ensure(),
      })();
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({
        ok: false,
        database: { reachable: true },
        schema: {
          ready: false,
          error: expect.stringContaining("Migration 0002_broken of provision_kit failed"),
        },
      });
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it("tries again when the database was not reachable, and refuses a deploy without its migrations", async () => {
    let attempts = 0;
    const provisioning = createKitProvisioning({
      kit: "k",
      sources: [source],
      pool: async () => {
        attempts += 1;
        if (attempts === 1) throw Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
        return db.pool;
      },
      logger: quiet,
    });
    await expect(provisioning.ensure()).rejects.toThrow("ECONNREFUSED");
    expect(provisioning.state()).toEqual({ state: "pending" });
    await provisioning.ensure();
    expect(provisioning.state()).toEqual({ state: "ready", applied: 2 });

    const missing = createKitProvisioning({
      kit: "k",
      sources: [{ owner: "provision_kit", migrationsFolder: "/nowhere/drizzle" }],
      pool: async () => db.pool,
      logger: quiet,
    });
    await expect(missing.ensure()).rejects.toThrow(/migrations of provision_kit are missing/);
    expect(missing.state()).toMatchObject({ state: "failed" });

    // A journal naming a migration whose file was not staged: stopped, not retried forever.
    const folder = await withBrokenMigration();
    try {
      await rm(path.join(folder, "0002_broken.sql"));
      const unstaged = createKitProvisioning({
        kit: "k",
        sources: [{ ...source, migrationsFolder: folder }],
        pool: async () => db.pool,
        logger: quiet,
      });
      await expect(unstaged.ensure()).rejects.toThrow(/0002_broken/);
      expect(unstaged.state()).toMatchObject({
        state: "failed",
        reason: expect.stringContaining("0002_broken"),
      });
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it("finds the kit's migrations and, for a governed kit, the governance outbox's, from the app folder", () => {
    const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../apps/agent-ops");
    const sources = kitMigrationSources({ schemaName: "agent_ops", governed: [{}] }, appDir);
    expect(sources.map((s) => s.owner)).toEqual(["appbase_governance", "agent_ops"]);
    for (const s of sources)
      expect(existsSync(path.join(s.migrationsFolder, "meta/_journal.json"))).toBe(true);
    expect(kitMigrationSources({ schemaName: "hub" }, "/app")).toEqual([
      { owner: "hub", migrationsFolder: "/app/drizzle" },
    ]);
  });
});
