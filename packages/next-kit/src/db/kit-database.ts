import { createPool, type DbPool } from "@appbase/db";
import type pg from "pg";

export type EnvironmentBadgeMode = "local" | "postgres" | "databricks-apps";

export interface KitDatabase {
  /** The kit's pool: local Lakebase, any Postgres, or Lakebase on Databricks (see @appbase/db). */
  db(): Promise<pg.Pool>;
  /** The environment badge's mode: Databricks Apps, the local Lakebase, or another Postgres. */
  environmentMode(): Promise<EnvironmentBadgeMode>;
  /** Where the data lives, for the health route (never contains a secret). */
  describeDatabase(): Promise<string>;
}

// One pool per kit per server process, kept across hot reloads in development.
const pools = globalThis as unknown as { appbaseKitPools?: Map<string, Promise<DbPool>> };

/** The database side of a kit's server, shared by every kit so the pool rules live in one place. */
export function createKitDatabase(options: { kit: string; isAppsMode: () => boolean }): KitDatabase {
  const connect = (): Promise<DbPool> => {
    pools.appbaseKitPools ??= new Map();
    const cache = pools.appbaseKitPools;
    let pool = cache.get(options.kit);
    if (!pool) {
      pool = createPool({ applicationName: options.kit }).catch((error: unknown) => {
        // Forget a failed attempt so the next request retries (e.g. the local Lakebase was still starting).
        cache.delete(options.kit);
        throw error;
      });
      cache.set(options.kit, pool);
    }
    return pool;
  };
  return {
    db: async () => (await connect()).pool,
    async environmentMode() {
      if (options.isAppsMode()) return "databricks-apps";
      const { mode } = await connect();
      return mode === "local" ? "local" : mode === "postgres" ? "postgres" : "databricks-apps";
    },
    describeDatabase: async () => (await connect()).describe(),
  };
}

/** Tests: the kit's server uses `pool` (a migrated test database) instead of connecting on its own. */
export function useKitTestPool(kit: string, pool: pg.Pool): void {
  pools.appbaseKitPools ??= new Map();
  const describe = () => "test database";
  pools.appbaseKitPools.set(
    kit,
    Promise.resolve({ pool, mode: "postgres", describe, close: async () => {} }),
  );
}
