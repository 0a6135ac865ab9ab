import type pg from "pg";
import { readDbEnv } from "../env.ts";
import { createEmbeddedDatabase } from "./embedded-database.ts";
import type { TemplateSpec } from "./migration-set.ts";
import { createServerDatabase } from "./server-database.ts";

export interface TestDatabase {
  pool: pg.Pool;
  url: string;
  /** `embedded`: a private PGlite served on a local port; `server`: a database on DATABASE_URL. */
  mode: "embedded" | "server";
  close(): Promise<void>;
}

export interface TestDatabaseOptions {
  /**
   * Always the embedded Lakebase, even when DATABASE_URL names a server: for tests of what only it has
   * here (pgvector; the Debian PostgreSQL 15 has none), so they run in the server pass too.
   */
  embedded?: boolean;
}

/**
 * A fresh database for a test file (or a test), already migrated and seeded: restored from a
 * template that is built once per migration set. Embedded PGlite by default; a throwaway database
 * on the server when DATABASE_URL is set. Code under test reaches it with `pg`, as in production.
 */
export async function createTestDatabase(
  spec: TemplateSpec = { migrations: [] },
  options: TestDatabaseOptions = {},
): Promise<TestDatabase> {
  const { DATABASE_URL } = readDbEnv();
  if (DATABASE_URL && !options.embedded)
    return { ...(await createServerDatabase(DATABASE_URL, spec)), mode: "server" };
  const { pool, url, close } = await createEmbeddedDatabase(spec);
  return { pool, url, close, mode: "embedded" };
}
