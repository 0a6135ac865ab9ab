import type { Queryable } from "@appbase/db";
import { quoteSchema } from "./checkpoint-schemas.ts";

/**
 * A fingerprint of what the review queue shows: it changes whenever an item is added, claimed,
 * released or decided (every change bumps `updated_at` or the count).
 */
export async function queueVersion(db: Queryable): Promise<string> {
  const { rows } = await db.query<{ version: string }>(
    `select count(*)::text || ':' || coalesce(max(updated_at)::text, '') || ':' || coalesce(sum(version), 0)::text as version
       from agent_ops.review_item`,
  );
  return rows[0]?.version ?? "";
}

/** A fingerprint of one thread: its newest checkpoint and writes in any schema, and the kit's run record. */
export async function threadVersion(
  db: Queryable,
  threadId: string,
  schemas: readonly string[],
): Promise<string> {
  const parts = schemas.map(
    (
      schema,
    ) => `(select coalesce(max(checkpoint_id), '') || '/' || (select count(*) from ${quoteSchema(schema)}.checkpoint_writes w
        where w.thread_id = $1)::text from ${quoteSchema(schema)}.checkpoints c where c.thread_id = $1)`,
  );
  const { rows } = await db.query<{ version: string }>(
    `select concat_ws(':', ${[...parts, "(select r.status || r.updated_at::text from agent_ops.agent_run r where r.thread_id = $1)", "(select count(*) || ':' || coalesce(sum(i.version), 0) from agent_ops.review_item i where i.thread_id = $1)"].join(", ")}) as version`,
    [threadId],
  );
  return rows[0]?.version ?? "";
}
