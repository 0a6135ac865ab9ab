import type { StartupStep } from "./kit-instrumentation.ts";

export interface RecurringWork {
  /** The step's name, also the start of its log lines (`[<kit>] <name>: …`). */
  name: string;
  kit: string;
  everyMs: number;
  /** One run; returns a line worth logging (what it did), or null when there is nothing to say. */
  run(): Promise<string | null>;
}

/**
 * A startup step for a kit's own background work (e.g. taking in synced rows): runs once at start, then
 * every `everyMs` on a timer that does not keep the process alive. A failed run is logged, once per
 * distinct message, and the next tick tries again (the synced tables may not have landed yet); it never
 * stops the kit. Runs do not overlap.
 */
export function recurringStep(
  work: RecurringWork,
  log: Pick<Console, "info" | "error"> = console,
): StartupStep {
  let lastFailure = "";
  let running = false;
  const once = async () => {
    if (running) return;
    running = true;
    try {
      const line = await work.run();
      lastFailure = "";
      if (line) log.info(`[${work.kit}] ${work.name}: ${line}`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (message !== lastFailure) log.error(`[${work.kit}] ${work.name} failed: ${message}`);
      lastFailure = message;
    } finally {
      running = false;
    }
  };
  return {
    name: work.name,
    async run() {
      await once();
      setInterval(() => void once(), work.everyMs).unref();
    },
  };
}
