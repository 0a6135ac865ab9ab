import type { GovernanceWriter } from "./writer.ts";

interface Logger {
  error(message: string): void;
}

/**
 * Starts a kit's outbox worker: every `intervalMs` it delivers what Lakebase or bronze missed. A
 * failure is logged once per distinct message, prefixed with the kit and what the writer governs
 * (an outage would otherwise log every tick), and again only after a drain has succeeded.
 */
export function startKitOutboxWorker(
  writer: Pick<GovernanceWriter, "startOutboxWorker">,
  options: { kit: string; what: string; intervalMs?: number; logger?: Logger },
): { stop(): Promise<void> } {
  let lastError = "";
  return writer.startOutboxWorker({
    intervalMs: options.intervalMs ?? 2000,
    onError: (error) => {
      const message = error instanceof Error ? error.message : String(error);
      if (message !== lastError)
        options.logger?.error(`[${options.kit}] ${options.what} outbox drain failed: ${message}`);
      lastError = message;
    },
    onDrain: () => {
      lastError = "";
    },
  });
}
