import "server-only";
import { recurringStep } from "@appbase/telemetry/node";
import { evaluateScoreAlerts } from "../domain/alerts/score-evaluation.ts";
import { db } from "./kit.ts";

/**
 * The startup step that makes a fresh deployment show alerts: evaluates the threshold rules against the
 * latest synced scores, at start and every 5 minutes. `db()` applies the kit's migrations first.
 */
export const scoreAlertsStep = recurringStep({
  name: "score alerts",
  kit: "operations-portal",
  everyMs: 5 * 60_000,
  run: async () => {
    const raised = await evaluateScoreAlerts(await db());
    // null: another instance holds the evaluation lock and does this run.
    return raised && `${raised.created} raised, ${raised.repeated} repeated on an open alert`;
  },
});
