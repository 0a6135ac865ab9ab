import { inTransaction } from "@appbase/db";
import type pg from "pg";

type Work<T> = (tx: pg.PoolClient) => Promise<T>;
type Pool = Pick<pg.Pool, "connect">;

/**
 * Runs `work` in one transaction holding the advisory lock named `key`, so across instances one caller
 * at a time does it; a caller that finds the lock held waits for it. Rolls back when `work` throws.
 */
export function inLockedTransaction<T>(pool: Pool, key: string, work: Work<T>): Promise<T> {
  return locked(pool, "pg_advisory_xact_lock", key, work) as Promise<T>;
}

/** As inLockedTransaction, but a caller that finds the lock held does nothing and gets null. */
export function tryLockedTransaction<T>(pool: Pool, key: string, work: Work<T>): Promise<T | null> {
  return locked(pool, "pg_try_advisory_xact_lock", key, work);
}

const NOT_HELD = Symbol("the lock is held by another caller");

async function locked<T>(
  pool: Pool,
  lock: "pg_advisory_xact_lock" | "pg_try_advisory_xact_lock",
  key: string,
  work: Work<T>,
): Promise<T | null> {
  const result = await inTransaction(pool, async (tx) => {
    // pg_advisory_xact_lock returns void (null): only the try form can answer false.
    const { rows } = await tx.query<{ held: boolean | null }>(`select ${lock}(hashtext($1)) as held`, [key]);
    return rows[0]?.held === false ? NOT_HELD : work(tx);
  });
  return result === NOT_HELD ? null : result;
}
