import type pg from "pg";
import { tryLockedTransaction } from "../locked-transaction.ts";
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
  return tryLockedTransaction(pool, LOCK, raiseScoreAlerts);
}
