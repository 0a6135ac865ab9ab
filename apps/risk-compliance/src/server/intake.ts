import "server-only";
import type { StartupStep } from "@appbase/telemetry/node";
import { describeIntake, runIntake } from "../domain/alerts/intake.ts";
import { kitEmbedder } from "./embedder.ts";
import { db } from "./kit.ts";

/** How often a running kit takes in synced alerts and policies after the run at startup. */
export const INTAKE_INTERVAL_MS = 5 * 60_000;

async function intakeOnce(): Promise<void> {
  try {
    // `db()` applies the kit's migrations first, so intake runs on the provisioned schema.
    console.info(`[risk-compliance] ${describeIntake(await runIntake(await db(), kitEmbedder()))}`);
  } catch (error) {
    // The synced tables may not have landed yet; the next run tries again.
    console.error(
      `[risk-compliance] intake failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/**
 * The startup step that makes a fresh deployment show work: raises the synced gold alerts into the
 * queue and imports and indexes the synced policies, then again every INTAKE_INTERVAL_MS (the timer
 * does not keep the process alive).
 */
export const intakeStep: StartupStep = {
  name: "intake",
  async run() {
    await intakeOnce();
    setInterval(() => void intakeOnce(), INTAKE_INTERVAL_MS).unref();
  },
};
