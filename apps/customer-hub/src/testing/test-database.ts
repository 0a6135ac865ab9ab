import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { datasetsMigrations } from "@appbase/datasets";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { testDatabaseUrl } from "./env.ts";
import { syncStatusFixtureDdl } from "./synced-fixture.ts";

const migrationsFolder = fileURLToPath(new URL("../../drizzle", import.meta.url));

export interface TestDatabase {
  pool: pg.Pool;
  close(): Promise<void>;
}

/**
 * A fresh, migrated database per test file, reached through `pg` as the app reaches Lakebase:
 * a throwaway database on the server in `DATABASE_URL` when set, else an embedded PGlite served
 * on a unix socket. Local stand-in for `@appbase/db/testing`, which had not landed when this was written.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = testDatabaseUrl();
  const { pool, dispose } = serverUrl ? await onServer(serverUrl) : await embedded();
  // The served tables come from @appbase/datasets' own migrations, exactly as `appbase up` applies them.
  await migrate(drizzle(pool), {
    migrationsFolder: datasetsMigrations.migrationsFolder,
    migrationsSchema: "appbase_meta",
    migrationsTable: "datasets_migrations",
  });
  for (const statement of syncStatusFixtureDdl) await pool.query(statement);
  await migrate(drizzle(pool), {
    migrationsFolder,
    migrationsSchema: "customer_hub",
    migrationsTable: "__drizzle_migrations",
  });
  return {
    pool,
    close: async () => {
      await pool.end();
      await dispose();
    },
  };
}

async function onServer(url: string) {
  const name = `customer_hub_test_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
  const admin = new pg.Pool({ connectionString: url, max: 1 });
  await admin.query(`create database ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: target.toString(), max: 8 });
  return {
    pool,
    dispose: async () => {
      await admin.query(`drop database if exists ${name}`);
      await admin.end();
    },
  };
}

async function embedded() {
  const { PGlite } = await import("@electric-sql/pglite");
  const { PGLiteSocketServer } = await import("@electric-sql/pglite-socket");
  const dir = await mkdtemp(join(tmpdir(), "customer-hub-test-"));
  const db = await PGlite.create();
  const server = new PGLiteSocketServer({ db, path: join(dir, ".s.PGSQL.5432"), maxConnections: 16 });
  await server.start();
  const pool = new pg.Pool({ host: dir, port: 5432, user: "postgres", database: "postgres", max: 4 });
  return {
    pool,
    dispose: async () => {
      await server.stop();
      await db.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
