import type { RunnableConfig } from "@langchain/core/runnables";
import type { Checkpoint, CheckpointMetadata, PendingWrite } from "@langchain/langgraph-checkpoint";
import { PostgresSaver } from "@langchain/langgraph-checkpoint-postgres";
import type pg from "pg";
import { CHECKPOINT_SCHEMA } from "../checkpoints/kit-checkpoint-schema.ts";
import { installStaleMarks, refreshThreadSummary } from "./thread-summary.ts";

// A module of its own: the summary code this saver calls reads it too (no import cycle through here).
export { CHECKPOINT_SCHEMA } from "../checkpoints/kit-checkpoint-schema.ts";

/**
 * PostgresSaver with channel versions that stay unique when a thread forks. The JS saver counts versions
 * 1, 2, 3…, but stores blobs per (thread, namespace, channel, version) with ON CONFLICT DO NOTHING: a fork
 * from an older checkpoint computes a version its original branch already used, so the fork's new value
 * is silently dropped and the original's is read back. Like the Python saver (`<n>.<random>`), each
 * version here is the next whole number plus a random fraction; versions stay numbers, so ordering
 * (numeric) is unchanged for threads written before.
 *
 * It is also the writer of the kit's checkpoint schema that keeps `agent_ops.thread_summary` current:
 * after each checkpoint or write commits, the thread's summary is recomputed (the library commits its
 * own transaction, so the summary follows in the next; a run's end recomputes it with the run record).
 */
export class ForkSafePostgresSaver extends PostgresSaver {
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool, schema: string) {
    super(pool, undefined, { schema });
    this.#pool = pool;
  }

  override async put(
    config: RunnableConfig,
    checkpoint: Checkpoint,
    metadata: CheckpointMetadata,
    newVersions: Parameters<PostgresSaver["put"]>[3],
  ): Promise<RunnableConfig> {
    const next = await super.put(config, checkpoint, metadata, newVersions);
    await refreshThreadSummary(this.#pool, String(config.configurable?.thread_id));
    return next;
  }

  override async putWrites(config: RunnableConfig, writes: PendingWrite[], taskId: string): Promise<void> {
    await super.putWrites(config, writes, taskId);
    await refreshThreadSummary(this.#pool, String(config.configurable?.thread_id));
  }

  override getNextVersion(current: number | undefined): number {
    const whole = typeof current === "number" ? Math.floor(current) : 0;
    return whole + 1 + Math.round(Math.random() * 1e6 + 1) / 1e7;
  }
}

const ready = new WeakMap<pg.Pool, Promise<PostgresSaver>>();

/** The PostgresSaver on the kit's pool, with its tables created once per pool (setup() is idempotent). */
export function checkpointerFor(pool: pg.Pool): Promise<PostgresSaver> {
  let saver = ready.get(pool);
  if (!saver) {
    const created = new ForkSafePostgresSaver(pool, CHECKPOINT_SCHEMA);
    saver = created
      .setup()
      .then(() => installStaleMarks(pool))
      .then(() => created);
    saver.catch(() => ready.delete(pool));
    ready.set(pool, saver);
  }
  return saver;
}

const readers = new WeakMap<pg.Pool, Map<string, PostgresSaver>>();

/**
 * A saver that reads another program's checkpoint schema: no setup() (the program owns its tables and
 * the kit may only read them). The kit's own schema reads through `checkpointerFor`.
 */
export async function checkpointReaderFor(pool: pg.Pool, schema: string): Promise<PostgresSaver> {
  if (schema === CHECKPOINT_SCHEMA) return checkpointerFor(pool);
  let bySchema = readers.get(pool);
  if (!bySchema) {
    bySchema = new Map();
    readers.set(pool, bySchema);
  }
  let reader = bySchema.get(schema);
  if (!reader) {
    reader = new PostgresSaver(pool, undefined, { schema });
    bySchema.set(schema, reader);
  }
  return reader;
}
