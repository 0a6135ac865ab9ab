import "server-only";
import { createPool, type DbPool } from "@appbase/db";
import type pg from "pg";
import { serverEnv } from "../env.ts";

// One pool per server process, kept across hot reloads in development.
const globalForPool = globalThis as unknown as { agentOpsPool?: Promise<DbPool> };

function connect(): Promise<DbPool> {
  globalForPool.agentOpsPool ??= createPool({ applicationName: "agent-ops" }).catch((error: unknown) => {
    // Forget a failed attempt so the next request retries (e.g. the local Lakebase was still starting).
    globalForPool.agentOpsPool = undefined;
    throw error;
  });
  return globalForPool.agentOpsPool;
}

/** The kit's connection pool: local Lakebase, any Postgres, or Lakebase on Databricks (see @appbase/db). */
export async function db(): Promise<pg.Pool> {
  return (await connect()).pool;
}

/** The environment badge's mode: Databricks Apps, the local Lakebase, or another Postgres. */
export async function environmentMode(): Promise<"local" | "postgres" | "databricks-apps"> {
  if (serverEnv().mode === "apps") return "databricks-apps";
  const { mode } = await connect();
  return mode === "local" ? "local" : mode === "postgres" ? "postgres" : "databricks-apps";
}

/** Where the data lives, for the health route (never contains a secret). */
export async function describeDatabase(): Promise<string> {
  return (await connect()).describe();
}
