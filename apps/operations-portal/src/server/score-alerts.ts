import "server-only";
import type { StartupStep } from "@appbase/telemetry/node";
import { evaluateScoreAlerts } from "../domain/alerts/score-evaluation.ts";
import { db } from "./kit.ts";

/** How often a running portal evaluates the synced scores after the run at startup. */
export const SCORE_ALERTS_INTERVAL_MS = 5 * 60_000;

let lastError = "";

async function evaluateOnce(): Promise<void> {
  try {
    // `db()` applies the kit's migrations first, so evaluation runs on the provisioned schema.
    const raised = await evaluateScoreAlerts(await db());
    lastError = "";
    if (raised)
      console.info(
        `[operations-portal] score alerts: ${raised.created} raised, ${raised.repeated} repeated on an open alert`,
      );
  } catch (error) {
    // The synced scores may not have landed yet; the next run tries again. One line per distinct failure.
    const message = error instanceof Error ? error.message : String(error);
    if (message !== lastError) console.error(`[operations-portal] score alerts failed: ${message}`);
    lastError = message;
  }
}

/**
 * The startup step that makes a fresh deployment show alerts: evaluates the threshold rules against the
 * latest synced scores, then again every SCORE_ALERTS_INTERVAL_MS (the timer does not keep the process alive).
 */
export const scoreAlertsStep: StartupStep = {
  name: "score-alerts",
  async run() {
    await evaluateOnce();
    setInterval(() => void evaluateOnce(), SCORE_ALERTS_INTERVAL_MS).unref();
  },
};
