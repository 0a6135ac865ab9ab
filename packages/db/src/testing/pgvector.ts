import type pg from "pg";

/** Whether the server behind `pool` can `CREATE EXTENSION vector` (the Debian PostgreSQL 15 cannot). */
export async function hasPgvector(pool: pg.Pool): Promise<boolean> {
  const { rowCount } = await pool.query("SELECT 1 FROM pg_available_extensions WHERE name = 'vector'");
  return (rowCount ?? 0) > 0;
}
