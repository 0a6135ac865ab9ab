import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import pg from "pg";
import { testEnv } from "./env.ts";

export interface TestDatabase {
  pool: pg.Pool;
  kind: "pglite-socket" | "postgres";
  close(): Promise<void>;
}

/** A TCP port that was free a moment ago. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

/** An in-memory PGlite served over the wire protocol, reached with `pg` exactly as apps do. */
async function pgliteOverSocket(): Promise<TestDatabase> {
  const db = await PGlite.create();
  const port = await freePort();
  const server = new PGLiteSocketServer({ db, port, host: "127.0.0.1", maxConnections: 16 });
  await server.start();
  const pool = new pg.Pool({ host: "127.0.0.1", port, user: "postgres", database: "postgres", max: 4 });
  return {
    pool,
    kind: "pglite-socket",
    async close() {
      await pool.end();
      await server.stop();
      await db.close();
    },
  };
}

/** A fresh, uniquely named database on the server in DATABASE_URL, dropped on close. */
async function freshPostgresDatabase(url: string): Promise<TestDatabase> {
  const name = `appbase_datasets_test_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: target.toString(), max: 4 });
  return {
    pool,
    kind: "postgres",
    async close() {
      await pool.end();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

/** An empty database for one test file: PGlite over a socket by default, PostgreSQL when DATABASE_URL is set. */
export function openTestDatabase(): Promise<TestDatabase> {
  return testEnv.DATABASE_URL ? freshPostgresDatabase(testEnv.DATABASE_URL) : pgliteOverSocket();
}
