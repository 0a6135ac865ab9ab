import type { Queryable } from "@appbase/db";
import type pg from "pg";

/** What domain functions take: a pool, whose `connect` gives a client for multi-statement transactions. */
export type Database = Pick<pg.Pool, "query" | "connect">;

/**
 * Runs `work` in one transaction on its own client: a case change, its audit events and the alert
 * it consumes commit together or not at all.
 */
export async function inTransaction<T>(db: Database, work: (tx: Queryable) => Promise<T>): Promise<T> {
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
