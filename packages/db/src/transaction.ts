import type pg from "pg";

/** What a function that writes in a transaction takes: a pool, whose `connect` gives it a client. */
export type TransactionalDb = Pick<pg.Pool, "query" | "connect">;

/**
 * Runs `work` in one transaction on a client of its own: everything it writes commits together or
 * not at all (rolled back when `work` throws, and the error passed on).
 */
export async function inTransaction<T>(
  db: Pick<pg.Pool, "connect">,
  work: (tx: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await db.connect();
  try {
    await client.query("begin");
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
