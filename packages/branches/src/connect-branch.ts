import { createPool } from "@appbase/db";
import pg from "pg";
import type { Branch } from "./branch-port.ts";

/** A pool on a branch: its URL locally, its endpoint with an OAuth token password on Databricks. */
export async function branchPool(branch: Branch): Promise<{ pool: pg.Pool; close(): Promise<void> }> {
  if (branch.connection.kind === "url") {
    const pool = new pg.Pool({ connectionString: branch.connection.url, max: 2 });
    return { pool, close: () => pool.end() };
  }
  const db = await createPool({
    env: { ...process.env, LAKEBASE_ENDPOINT: branch.connection.endpoint, DATABASE_URL: undefined },
    max: 2,
    applicationName: "appbase-branch-diff",
  });
  return { pool: db.pool, close: () => db.close() };
}

/** The environment that points a kit at a branch (what `appbase preview` passes). */
export function branchEnv(branch: Branch): Record<string, string> {
  return branch.connection.kind === "url"
    ? { DATABASE_URL: branch.connection.url, APPBASE_BRANCH: branch.name }
    : { LAKEBASE_ENDPOINT: branch.connection.endpoint };
}
