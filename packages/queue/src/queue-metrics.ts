import { createPool, type DbPool, type Queryable } from "@appbase/db";
import { meter } from "@appbase/telemetry";
import type { StartupStep } from "@appbase/telemetry/node";
import type { ResolvedQueue } from "./queue-table.ts";

interface Measured {
  table: string;
  unclosed: string;
}

// Kits define queues in their domain modules while Next compiles instrumentation into a separate
// bundle: a global registry lets the metrics started there see every queue defined later.
const REGISTRY = Symbol.for("appbase.queue.defined");
const holder = globalThis as Record<symbol, Map<string, Measured> | undefined>;
holder[REGISTRY] ??= new Map();
const registry = holder[REGISTRY];

/** Records a defined queue so its depth and age can be observed. */
export function registerQueueForMetrics(q: ResolvedQueue<unknown>): void {
  registry.set(q.table, { table: q.table, unclosed: q.unclosed() });
}

/** Depth (unclosed items) and age of the oldest unclosed item, in seconds, of one queue. */
export async function measureQueue(
  db: Queryable,
  queue: Measured,
): Promise<{ depth: number; oldestAgeSeconds: number }> {
  const { rows } = await db.query<{ depth: string; age: string | null }>(
    `select count(*) as depth, extract(epoch from now() - min(created_at)) as age from ${queue.table} where ${queue.unclosed}`,
  );
  return { depth: Number(rows[0]?.depth ?? 0), oldestAgeSeconds: Math.max(0, Number(rows[0]?.age ?? 0)) };
}

/**
 * Observes `appbase.queue.depth` and `appbase.queue.age` (seconds) of every defined queue at each
 * metric export, through one small pool opened at the first collection. A queue that cannot be
 * read (its kit not migrated yet) is skipped for that collection.
 */
export function observeQueueMetrics(
  openPool: () => Promise<DbPool> = () => createPool({ max: 1, applicationName: "appbase-queue-metrics" }),
): void {
  const m = meter();
  const depth = m.createObservableGauge("appbase.queue.depth", {
    description: "Unclosed items of a work queue",
  });
  const age = m.createObservableGauge("appbase.queue.age", {
    unit: "s",
    description: "Age of the oldest unclosed item of a work queue",
  });
  let pool: Promise<DbPool> | undefined;
  m.addBatchObservableCallback(
    async (observer) => {
      pool ??= openPool();
      const db = (await pool).pool;
      for (const queue of registry.values()) {
        const measured = await measureQueue(db, queue).catch(() => null);
        if (!measured) continue;
        observer.observe(depth, measured.depth, { "appbase.queue": queue.table });
        observer.observe(age, measured.oldestAgeSeconds, { "appbase.queue": queue.table });
      }
    },
    [depth, age],
  );
}

/** The kit startup step (`kitInstrumentation(kit.id, queueMetrics)`) that observes the kit's queues. */
export const queueMetrics: StartupStep = {
  name: "queue metrics",
  run: async () => observeQueueMetrics(),
};
