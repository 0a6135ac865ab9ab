import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { serveLocalLakebase } from "@appbase/db/local";
import pg from "pg";
import { lakehouseTestEnv } from "../env.ts";

/** Test support: an empty database — PGlite over its socket by default, a fresh database on the DATABASE_URL server when set. */
export async function openTestPostgres(): Promise<{
  pool: pg.Pool;
  kind: "pglite" | "postgres";
  close: () => Promise<void>;
}> {
  const { DATABASE_URL } = lakehouseTestEnv();
  if (DATABASE_URL) {
    const name = `lakehouse_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Pool({ connectionString: DATABASE_URL, max: 1 });
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(DATABASE_URL);
    url.pathname = `/${name}`;
    const pool = new pg.Pool({ connectionString: url.toString(), max: 4 });
    return {
      pool,
      kind: "postgres",
      close: async () => {
        await pool.end();
        await dropWhenIdle(admin, name);
        await admin.end();
      },
    };
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), "lakehouse-pglite-"));
  const server = await serveLocalLakebase({ dataDir, port: 0 });
  const pool = new pg.Pool({ connectionString: server.url, max: 4 });
  return {
    pool,
    kind: "pglite",
    close: async () => {
      await pool.end();
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Drops a test database once the backends of clients that just disconnected have exited. A forced
 * drop would terminate them mid-exit, and a client still finishing its goodbye then raises an
 * unhandled "terminating connection due to administrator command" in the test run.
 */
async function dropWhenIdle(admin: pg.Pool, name: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${name}`);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== "55006") throw error; // object_in_use: backends still exiting
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
