import { PostgresSaver } from "@langchain/langgraph-checkpoint-postgres";
import type pg from "pg";

/** LangGraph's own tables live in this schema, apart from the kit's `agent_ops`. */
export const CHECKPOINT_SCHEMA = "agent_checkpoints";

/**
 * PostgresSaver with channel versions that stay unique when a thread forks. The JS saver counts versions
 * 1, 2, 3…, but stores blobs per (thread, namespace, channel, version) with ON CONFLICT DO NOTHING: a fork
 * from an older checkpoint computes a version its original branch already used, so the fork's new value
 * is silently dropped and the original's is read back. Like the Python saver (`<n>.<random>`), each
 * version here is the next whole number plus a random fraction; versions stay numbers, so ordering
 * (numeric) is unchanged for threads written before.
 */
export class ForkSafePostgresSaver extends PostgresSaver {
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
    const created = new ForkSafePostgresSaver(pool, undefined, { schema: CHECKPOINT_SCHEMA });
    saver = created.setup().then(() => created);
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
