import "server-only";
import pg from "pg";
import { serverEnv } from "../env.ts";

// Local adapter: `@appbase/db`'s createPool had not landed when this was written. It covers the local
// Lakebase and any Postgres (DATABASE_URL or PG*); Lakebase OAuth passwords come with createPool.
const globalForPool = globalThis as unknown as { customerHubPool?: pg.Pool };

/** The kit's one connection pool (kept across hot reloads in development). */
export function db(): pg.Pool {
  if (!globalForPool.customerHubPool) {
    const env = serverEnv();
    const pool = new pg.Pool({
      ...(env.DATABASE_URL ? { connectionString: env.DATABASE_URL } : {}),
      max: 10,
      application_name: "customer-hub",
    });
    // An idle client dropped by the server must not crash the process; the next query reconnects.
    pool.on("error", (error) => console.warn("[customer-hub] idle database client error:", error.message));
    globalForPool.customerHubPool = pool;
  }
  return globalForPool.customerHubPool;
}

/** A short description of where the data lives, for the health route and the environment badge. */
export function databaseMode(): "local" | "postgres" | "databricks-apps" {
  const env = serverEnv();
  if (env.mode === "apps") return "databricks-apps";
  const url = env.DATABASE_URL ?? "";
  return url.includes("127.0.0.1") || url.includes("localhost") || url === "" ? "local" : "postgres";
}
