import type pg from "pg";

type Work<T> = (client: pg.PoolClient) => Promise<T>;

/**
 * Runs `work` in one transaction holding the advisory lock named `key`, so across instances one caller
 * at a time does it; a caller that finds the lock held waits for it. Rolls back when `work` throws.
 */
export function inLockedTransaction<T>(
  pool: Pick<pg.Pool, "connect">,
  key: string,
  work: Work<T>,
): Promise<T> {
  return locked(pool, "pg_advisory_xact_lock", key, work) as Promise<T>;
}

/** As inLockedTransaction, but a caller that finds the lock held does nothing and gets null. */
export function tryLockedTransaction<T>(
  pool: Pick<pg.Pool, "connect">,
  key: string,
  work: Work<T>,
): Promise<T | null> {
  return locked(pool, "pg_try_advisory_xact_lock", key, work);
}

async function locked<T>(
  pool: Pick<pg.Pool, "connect">,
  lock: "pg_advisory_xact_lock" | "pg_try_advisory_xact_lock",
  key: string,
  work: Work<T>,
): Promise<T | null> {
  const client = await pool.connect();
  try {
    await client.query("begin");
    // pg_advisory_xact_lock returns void (null): only the try form can answer false.
    const { rows } = await client.query<{ held: boolean | null }>(`select ${lock}(hashtext($1)) as held`, [
      key,
    ]);
    if (rows[0]?.held === false) {
      await client.query("rollback");
      return null;
    }
    const result = await work(client);
    await client.query("commit");
    return result;
  } catch (error) {
    await client.query("rollback").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
