import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { chown, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { freePort } from "@appbase/db/local";
import { dropWhenIdle } from "@appbase/db/testing";
import pg from "pg";
import { type GrantsEnv, readGrantsEnv } from "../env.ts";

const run = promisify(execFile);

/** A real PostgreSQL server for tests that need separate logins (PGlite shares one session, so it cannot). */
export interface TestPostgres {
  /** Connection URL for a database as the server's superuser. */
  superuserUrl(database?: string): string;
  /** Connection URL for a database as another login role. */
  urlFor(database: string, user: string, password: string): string;
  stop(): Promise<void>;
}

function withDatabase(url: string, database: string, user?: string, password?: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  if (user !== undefined) u.username = encodeURIComponent(user);
  if (password !== undefined) u.password = encodeURIComponent(password);
  return u.toString();
}

/**
 * Uses DATABASE_URL (a superuser) when set; otherwise starts a throwaway cluster from the local
 * PostgreSQL binaries. Fails loudly when neither exists, so role tests never pass by skipping.
 */
export async function startTestPostgres(env: GrantsEnv = readGrantsEnv()): Promise<TestPostgres> {
  if (env.DATABASE_URL) {
    const base = env.DATABASE_URL;
    return {
      superuserUrl: (database) => (database ? withDatabase(base, database) : base),
      urlFor: (database, user, password) => withDatabase(base, database, user, password),
      stop: async () => undefined,
    };
  }
  const bin = env.APPBASE_POSTGRES_BIN;
  if (!existsSync(join(bin, "initdb"))) {
    throw new Error(
      `Postgres role tests need a real server: set DATABASE_URL to a PostgreSQL 15+ superuser URL, or install the PostgreSQL binaries at APPBASE_POSTGRES_BIN (looked in ${bin}).`,
    );
  }
  const dir = await mkdtemp(join(tmpdir(), "appbase-grants-pg-"));
  // initdb refuses to run as root; run the server as the distribution's postgres user then.
  const asRoot = process.getuid?.() === 0;
  const prefix = asRoot ? ["runuser", "-u", "postgres", "--"] : [];
  if (asRoot) {
    const { stdout } = await run("id", ["-u", "postgres"]);
    const { stdout: gid } = await run("id", ["-g", "postgres"]);
    await chown(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  const exec = async (tool: string, args: string[]) => {
    const [cmd = tool, ...rest] = [...prefix, join(bin, tool), ...args];
    await run(cmd, rest);
  };
  const data = join(dir, "data");
  const port = await freePort();
  await exec("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]);
  await exec("pg_ctl", [
    "-D",
    data,
    "-l",
    join(dir, "server.log"),
    "-o",
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
    "-w",
    "start",
  ]);
  const base = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  return {
    superuserUrl: (database) => (database ? withDatabase(base, database) : base),
    urlFor: (database, user, password) => withDatabase(base, database, user, password),
    stop: async () => {
      await exec("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]).catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Creates a fresh database for one test file and returns its name. */
export async function createTestDatabase(server: TestPostgres, prefix: string): Promise<string> {
  const name = `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: server.superuserUrl() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  return name;
}

/** Drops a test database once its sessions have gone. */
export async function dropTestDatabase(server: TestPostgres, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: server.superuserUrl() });
  await admin.connect();
  try {
    await dropWhenIdle(admin, `"${name}"`);
  } finally {
    await admin.end();
  }
}
