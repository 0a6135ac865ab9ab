import "server-only";
import { createKitDatabase } from "@appbase/next-kit/db";
import { serverEnv } from "../env.ts";
import { startAssessmentWorker } from "./assessment-worker.ts";

const kitDatabase = createKitDatabase({
  kit: "agent-ops",
  isAppsMode: () => serverEnv().mode === "apps",
});

/** The environment badge mode and database description (rules shared in @appbase/next-kit). */
export const { environmentMode, describeDatabase } = kitDatabase;

/** The kit's pool; the first use starts the assessment outbox worker when an experiment is bound. */
export async function db() {
  const pool = await kitDatabase.db();
  startAssessmentWorker(pool);
  return pool;
}
