import type { Queryable } from "@appbase/db";
import { z } from "zod";

/** What a tool filed in another kit, as its JSON result names it: the thread links to it. */
export const filedInSchema = z.object({
  kit: z.string(),
  entity: z.string(),
  id: z.string(),
  label: z.string(),
});
export type FiledIn = z.infer<typeof filedInSchema>;

/** The records this thread's tool calls filed in other kits (a case, a work order), oldest first. */
export async function threadFilings(
  db: Queryable,
  threadId: string,
): Promise<Array<FiledIn & { tool: string; toolCallId: string }>> {
  const { rows } = await db.query<{ tool: string; tool_call_id: string; filed_in: unknown }>(
    `select tool, tool_call_id, result -> 'filedIn' as filed_in from agent_ops.tool_call
     where thread_id = $1 and status = 'ok' and jsonb_typeof(result) = 'object' and result ? 'filedIn'
     order by started_at`,
    [threadId],
  );
  return rows.flatMap((r) => {
    const parsed = filedInSchema.safeParse(r.filed_in);
    return parsed.success ? [{ ...parsed.data, tool: r.tool, toolCallId: r.tool_call_id }] : [];
  });
}
