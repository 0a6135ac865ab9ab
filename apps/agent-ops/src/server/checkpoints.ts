import "server-only";
import type pg from "pg";
import { checkpointSchemaList } from "../domain/checkpoints/checkpoint-schemas.ts";
import { presentCheckpointSchemas } from "../domain/checkpoints/checkpoint-threads.ts";
import { checkpointerFor } from "../domain/runs/checkpointer.ts";
import { serverEnv } from "./kit.ts";

/** The bound checkpoint schemas that exist (`schemas`), and those named in AGENT_CHECKPOINT_SCHEMAS that do not. */
export interface CheckpointSchemas {
  schemas: string[];
  missing: string[];
}

/**
 * The checkpoint schemas the pages read: the kit's own (its tables created by the saver's setup, even
 * before the first run) and those bound in AGENT_CHECKPOINT_SCHEMAS that hold checkpoint tables.
 */
export async function boundCheckpointSchemas(pool: pg.Pool): Promise<CheckpointSchemas> {
  await checkpointerFor(pool);
  const bound = checkpointSchemaList.parse(serverEnv().AGENT_CHECKPOINT_SCHEMAS);
  const schemas = await presentCheckpointSchemas(pool, bound);
  return { schemas, missing: bound.filter((s) => !schemas.includes(s)) };
}
