import type pg from "pg";
import { raiseScoreAlerts } from "./alerts.ts";

const LOCK = "operations_portal.score_alerts";

/**
 * Raises the alerts the latest synced scores call for, once across instances: in one transaction under
 * an advisory lock, so of two instances evaluating together one raises and the other skips (null).
 * The running kit does this at startup and on an interval (src/server/score-alerts.ts); the seed reuses it.
 */
export async function evaluateScoreAlerts(
  pool: pg.Pool,
): Promise<{ created: number; repeated: number } | null> {
  const client = await pool.connect();
  try {
    await client.query("begin");
    const { rows } = await client.query<{ locked: boolean }>(
      "select pg_try_advisory_xact_lock(hashtext($1)) as locked",
      [LOCK],
    );
    if (!rows[0]?.locked) {
      await client.query("rollback");
      return null;
    }
    const raised = await raiseScoreAlerts(client);
    await client.query("commit");
    return raised;
  } catch (error) {
    await client.query("rollback").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
