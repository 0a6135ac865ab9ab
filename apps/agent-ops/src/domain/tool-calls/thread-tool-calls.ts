import { type Queryable, rowOf } from "@appbase/db";
import { toolCall } from "../../db/schema/tool-call.ts";
import type { ToolCallTiming } from "../timeline/timeline-types.ts";

/** The recorded executions of one thread's tool calls, by tool call id, for the timeline's latencies. */
export async function toolCallTimings(db: Queryable, threadId: string): Promise<Map<string, ToolCallTiming>> {
  const { rows } = await db.query("select * from agent_ops.tool_call where thread_id = $1", [threadId]);
  return new Map(
    rows.map((raw) => {
      const call = rowOf(toolCall, raw);
      return [call.toolCallId, { durationMs: call.durationMs, startedAt: call.startedAt }];
    }),
  );
}
