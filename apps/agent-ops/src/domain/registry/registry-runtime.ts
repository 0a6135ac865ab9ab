import type { Lakehouse } from "@appbase/lakehouse";
import { type GovernanceSql, GovernanceWriter, startKitOutboxWorker } from "@appbase/lakehouse/governance";
import { governedTables } from "../../db/governed.ts";
import { seedRegistry } from "./seed-registry.ts";

/** The registry side of a kit process: its writer, and the outbox worker delivering what failed. */
export interface RegistryRuntime {
  writer: GovernanceWriter;
  lakehouse: Lakehouse;
  /** Stops the outbox worker (waiting for a drain in progress) and closes the lakehouse. */
  close(): Promise<void>;
}

interface Logger {
  error(message: string, ...rest: unknown[]): void;
}

/**
 * Builds the writer over the kit's Lakebase pool, creates the silver and bronze tables when missing,
 * seeds the demo registry when it is empty, and starts the outbox worker.
 */
export async function startRegistryRuntime(options: {
  lakehouse: Lakehouse;
  lakebase: GovernanceSql;
  /** Where appbase_governance.outbox lives; defaults to `lakebase` (one Lakebase for both). */
  outbox?: GovernanceSql;
  logger?: Logger;
  workerIntervalMs?: number;
}): Promise<RegistryRuntime> {
  const writer = new GovernanceWriter({
    lakehouse: options.lakehouse,
    lakebase: options.lakebase,
    ...(options.outbox ? { outbox: options.outbox } : {}),
    tables: governedTables,
  });
  await writer.ensureLakehouseTables();
  await seedRegistry(writer);
  const worker = startKitOutboxWorker(writer, {
    kit: "agent-ops",
    what: "registry",
    intervalMs: options.workerIntervalMs,
    logger: options.logger,
  });
  return {
    writer,
    lakehouse: options.lakehouse,
    async close() {
      await worker.stop();
      await writer.flushBronze();
      await options.lakehouse.close();
    },
  };
}

/**
 * Runs `start` once per process under `key` (kept on globalThis, so hot reloads share it). A failed
 * start is forgotten, so the next caller tries again, e.g. once the lakehouse is bound or free.
 */
export function oncePerProcess<T>(key: string, start: () => Promise<T>): Promise<T> {
  const slots = globalThis as unknown as { appbaseOncePerProcess?: Map<string, Promise<unknown>> };
  slots.appbaseOncePerProcess ??= new Map();
  const cache = slots.appbaseOncePerProcess;
  let running = cache.get(key) as Promise<T> | undefined;
  if (!running) {
    running = start().catch((error: unknown) => {
      cache.delete(key);
      throw error;
    });
    cache.set(key, running);
  }
  return running;
}
