/**
 * Runs `stop` once on SIGINT or SIGTERM, then exits. Further signals while stopping are ignored:
 * exiting halfway through `pglite.close()` is what leaves a data folder unusable.
 */
export function stopOnSignals(stop: () => Promise<void>, log: (line: string) => void = () => {}): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      log(`${signal} received while stopping; still closing the database cleanly`);
      return;
    }
    stopping = true;
    log(`${signal} received: stopping`);
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log(`stop failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
}
