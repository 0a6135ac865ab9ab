// GET /api/live?thread=<id>: a fingerprint of the review queue (no thread) or of one thread, polled by
// the pages' LiveRefresh to re-render without a reload when it changes.
import { plainText } from "@appbase/next-kit/fields";
import { z } from "zod";
import { queueForeignInterrupts } from "../../../domain/checkpoints/checkpoint-interrupts.ts";
import { queueVersion, threadVersion } from "../../../domain/checkpoints/live-version.ts";
import { boundCheckpointSchemas } from "../../../server/checkpoints.ts";
import { db, defineRoute } from "../../../server/kit.ts";

export const dynamic = "force-dynamic";

export const GET = defineRoute({
  permission: "run.read",
  input: z.object({
    thread: plainText("thread", 200, { min: 1 }).optional(),
  }),
  handler: async (query) => {
    const pool = await db();
    const { schemas } = await boundCheckpointSchemas(pool);
    if (query.thread) return { version: await threadVersion(pool, query.thread, schemas) };
    // Another program's new interrupt enters the queue here too, so it appears without a reload.
    await queueForeignInterrupts(pool, schemas);
    return { version: await queueVersion(pool) };
  },
});
