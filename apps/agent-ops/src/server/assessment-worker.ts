import "server-only";
import type pg from "pg";
import { deliverDueAssessments } from "../domain/evaluation/assessment-outbox.ts";
import { boundMlflowTarget } from "./databricks.ts";

const INTERVAL_MS = 5_000;
const KEY = Symbol.for("agent-ops:assessment-worker");
type WorkerHolder = { [KEY]?: NodeJS.Timeout };

/**
 * Starts the assessment outbox worker once per process (Next may load this module more than once),
 * when an experiment is bound: every few seconds it sends the due assessments. Failures stay on their rows.
 */
export function startAssessmentWorker(pool: pg.Pool): void {
  const holder = globalThis as WorkerHolder;
  if (holder[KEY]) return;
  let target: ReturnType<typeof boundMlflowTarget>;
  try {
    target = boundMlflowTarget();
  } catch (error) {
    console.error(`[agent-ops] assessment outbox not started: ${(error as Error).message}`);
    return;
  }
  if (!target) return;
  const bound = target;
  let running = false;
  let lastError = "";
  holder[KEY] = setInterval(() => {
    if (running) return;
    running = true;
    deliverDueAssessments(pool, bound)
      .then(() => {
        lastError = "";
      })
      .catch((error: Error) => {
        // One line per distinct failure, not one every few seconds.
        if (error.message !== lastError) console.error(`[agent-ops] assessment outbox: ${error.message}`);
        lastError = error.message;
      })
      .finally(() => {
        running = false;
      });
  }, INTERVAL_MS);
  holder[KEY].unref();
}
