import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { serveLocalLakebase } from "@appbase/db/local";
import { dropWhenIdle } from "@appbase/db/testing";
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
