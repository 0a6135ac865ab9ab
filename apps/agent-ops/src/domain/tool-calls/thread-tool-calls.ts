import type { Queryable } from "@appbase/db";
import type { ToolCallTiming } from "../timeline/timeline-types.ts";

/** The recorded executions of one thread's tool calls, by tool call id, for the timeline's latencies. */
export async function toolCallTimings(db: Queryable, threadId: string): Promise<Map<string, ToolCallTiming>> {
  const { rows } = await db.query<{ tool_call_id: string; duration_ms: number; started_at: Date }>(
    "select tool_call_id, duration_ms, started_at from agent_ops.tool_call where thread_id = $1",
    [threadId],
  );
  return new Map(rows.map((r) => [r.tool_call_id, { durationMs: r.duration_ms, startedAt: r.started_at }]));
}
