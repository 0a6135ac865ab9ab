import "server-only";
import { recurringStep } from "@appbase/telemetry/node";
import { describeIntake, runIntake } from "../domain/alerts/intake.ts";
import { kitEmbedder } from "./embedder.ts";
import { db } from "./kit.ts";

/**
 * The startup step that makes a fresh deployment show work: raises the synced gold alerts into the
 * queue and imports and indexes the synced policies, at start and every 5 minutes. `db()` applies the
 * kit's migrations first, so intake runs on the provisioned schema.
 */
export const intakeStep = recurringStep({
  name: "intake",
  kit: "risk-compliance",
  everyMs: 5 * 60_000,
  run: async () => describeIntake(await runIntake(await db(), kitEmbedder())),
});
