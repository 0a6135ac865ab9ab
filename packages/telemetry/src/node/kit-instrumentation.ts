import { nextRuntime } from "../env.ts";
import { withSpan } from "../spans.ts";
import { startTelemetry } from "./start-telemetry.ts";

/** One piece of a kit's server startup, run by Next's `register` hook after telemetry is up. */
export interface StartupStep {
  name: string;
  run(): Promise<void>;
}

/**
 * Next's instrumentation `register` for a kit: starts telemetry first (so what follows is traced and
 * logged with trace ids), then runs the given startup steps in order, each in its own span. A kit's
 * `src/instrumentation.ts` is `export const register = kitInstrumentation("<kit id>")`; startup work
 * that every kit needs is added as a step here rather than as a second hook.
 */
export function kitInstrumentation(serviceName: string, ...steps: StartupStep[]): () => Promise<void> {
  return async () => {
    // The edge runtime has no Node APIs; kits serve only from Node.
    const runtime = nextRuntime();
    if (runtime && runtime !== "nodejs") return;
    await startTelemetry({ serviceName });
    for (const step of steps)
      await withSpan(`startup ${step.name}`, { "appbase.startup.step": step.name }, step.run);
  };
}
