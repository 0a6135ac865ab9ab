import { randomBytes } from "node:crypto";
import pg from "pg";
import { migrateAndSeed, type TemplateSpec, templateFingerprint } from "./migration-set.ts";

const TEMPLATE_PREFIX = "appbase_tpl_";

export interface ServerDatabase {
  pool: pg.Pool;
  url: string;
  close(): Promise<void>;
}

function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * Makes sure the template database for `spec` exists on the server. Its name is a content hash,
 * so processes (vitest runs each file in its own) and later runs share it; an advisory lock makes
 * one of them build it, under a temporary name renamed only once it is complete.
 */
async function ensureTemplate(admin: pg.Client, serverUrl: string, spec: TemplateSpec): Promise<string> {
  const name = `${TEMPLATE_PREFIX}${templateFingerprint(spec)}`;
  await admin.query("SELECT pg_advisory_lock(hashtext($1))", [name]);
  try {
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (exists.rowCount) return name;
    const building = `${name}_building`;
    await admin.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${building}`);
    const pool = new pg.Pool({ connectionString: withDatabase(serverUrl, building), max: 4 });
    try {
      await migrateAndSeed(pool, spec);
    } finally {
      await pool.end();
    }
    await admin.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
    return name;
  } finally {
    await admin.query("SELECT pg_advisory_unlock(hashtext($1))", [name]);
  }
}

/** A new database on the server at `serverUrl`, copied from the migrated template; dropped on close. */
export async function createServerDatabase(serverUrl: string, spec: TemplateSpec): Promise<ServerDatabase> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const database = `appbase_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  try {
    const templateName = await ensureTemplate(admin, serverUrl, spec);
    await admin.query(`CREATE DATABASE ${database} TEMPLATE ${templateName}`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(serverUrl, database);
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      await pool.end();
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      try {
        await dropWhenIdle(dropper, database);
      } finally {
        await dropper.end();
      }
    })();
    return closing;
  };
  return { pool, url, close };
}

/**
 * Drops every test template database on the server. Templates are named by content hash and
 * reused across runs, so old ones pile up as migrations change; CI can call this after a run.
 */
export async function dropTestTemplates(serverUrl: string): Promise<string[]> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE $1",
      [`${TEMPLATE_PREFIX}%`],
    );
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    return rows.map((row) => row.datname);
  } finally {
    await admin.end();
  }
}

/**
 * Drops a test database once the backends of clients that just disconnected have exited. A forced
 * drop would terminate them mid-exit, and a client still finishing its goodbye then raises an
 * unhandled "terminating connection due to administrator command" (57P01) in the test run.
 */
export async function dropWhenIdle(
  admin: { query(sql: string): Promise<unknown> },
  name: string,
): Promise<void> {
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
