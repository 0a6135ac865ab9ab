import type { Pool } from "pg";

/** What the engine runs SQL on: a query, and a transaction that holds one connection. */
export interface SqlRunner {
  query(sql: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

/** The target Postgres of the Synced Tables engine. */
export interface SyncPostgres extends SqlRunner {
  transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T>;
}

/** A target over a `pg` pool: any Postgres, or the local Lakebase through its socket. */
export function poolSyncPostgres(pool: Pick<Pool, "query" | "connect">): SyncPostgres {
  return {
    query: async (sql, params) => pool.query(sql, params),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await work({ query: async (sql, params) => client.query(sql, params) });
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
  };
}

/** The slice of a PGlite instance the engine uses (structural, so this package need not load PGlite). */
export interface PGliteLike {
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  transaction<T>(
    work: (tx: { query<R>(sql: string, params?: unknown[]): Promise<{ rows: R[] }> }) => Promise<T>,
  ): Promise<T>;
}

/**
 * A target on a PGlite instance in this process — how the local platform process runs the engine
 * next to the data. PGlite's own transaction() holds its lock for the whole unit, so socket
 * clients never see, or interleave with, a half-written sync.
 */
export function pgliteSyncPostgres(db: PGliteLike): SyncPostgres {
  return {
    query: (sql, params) => db.query<Record<string, unknown>>(sql, params),
    transaction: (work) =>
      db.transaction((tx) =>
        work({ query: (sql, params) => tx.query<Record<string, unknown>>(sql, params) }),
      ),
  };
}
